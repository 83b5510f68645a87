package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;

import io.audience.consent.ConsentInBulk;
import io.audience.db.tables.ImportRow;
import io.audience.list.MembershipsInBulk;
import io.audience.webhook.EventType;
import io.audience.webhook.WebhookEventsInBulk;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record2;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Tells webhooks of every row a chunk of an import applied, as the same change through the API
 * would: {@code contact.created} with {@code consent.changed} (the address's first entry),
 * {@code contact.updated} or {@code contact.revived}, and {@code list_membership.added}. One
 * set-based statement per event type that some subscription of the account wants, none when no
 * subscription is enabled, in the chunk's transaction.
 */
@Repository
class ImportEventRepository {

    private final DSLContext db;
    private final WebhookEventsInBulk outbox;
    private final ConsentInBulk consent;
    private final MembershipsInBulk memberships;

    ImportEventRepository(
            DSLContext db, WebhookEventsInBulk outbox, ConsentInBulk consent, MembershipsInBulk memberships) {
        this.db = db;
        this.outbox = outbox;
        this.consent = consent;
        this.memberships = memberships;
    }

    /**
     * Marks the rows whose contact is deleted, before the update that revives it: afterwards the
     * contact no longer says it was deleted, and the row's event is contact.revived, not .updated.
     */
    void markRevived(QueryPart[] p) {
        db.execute("""
                update import_row i set revived = true
                  from contact c
                 where %s and i.outcome is null
                   and c.account_id = {0} and c.email_key = i.email_key and c.deleted_at is not null
                   and c.email_key = any(array(select k.email_key from import_row k where k.account_id = {0}
                        and k.activity_id = {1} and k.item_number >= {2} and k.item_number < {3}
                        and k.email_key is not null))""".formatted(ImportChunkRepository.CHUNK), (Object[]) p);
    }

    /** {@code allNew}: every address of the chunk was new, so every created row has a first consent entry. */
    void record(
            UUID accountId, UUID activityId, int from, int to, List<UUID> listIds, boolean allNew, OffsetDateTime at) {
        if (!outbox.anySubscriber(accountId)) {
            return;
        }
        ImportRow i = IMPORT_ROW.as("i");
        Condition decided = i.ACCOUNT_ID
                .eq(accountId)
                .and(i.ACTIVITY_ID.eq(activityId))
                .and(i.ITEM_NUMBER.ge(from))
                .and(i.ITEM_NUMBER.lt(to))
                .and(DSL.condition(ImportChunkRepository.DECIDED_HERE));
        Condition created = i.OUTCOME.eq("created");
        Condition updated = i.OUTCOME.eq("updated");
        outbox.recordEach(accountId, EventType.CONTACT_CREATED, rows(i, decided.and(created)), at);
        outbox.recordEach(
                accountId,
                EventType.CONSENT_CHANGED,
                rows(
                        i,
                        decided.and(created)
                                .and(allNew ? DSL.noCondition() : consent.firstRecordedAt(accountId, i.EMAIL_KEY, at))),
                at);
        outbox.recordEach(
                accountId,
                EventType.CONTACT_REVIVED,
                rows(i, decided.and(updated).and(i.REVIVED.isTrue())),
                at);
        outbox.recordEach(
                accountId,
                EventType.CONTACT_UPDATED,
                rows(i, decided.and(updated).and(i.REVIVED.isFalse())),
                at);
        if (!listIds.isEmpty()) {
            outbox.recordEach(
                    accountId,
                    EventType.LIST_MEMBERSHIP_ADDED,
                    memberships.addedAt(
                            accountId,
                            listIds,
                            DSL.select(i.CONTACT_ID).from(i).where(decided.and(created.or(updated))),
                            at),
                    at);
        }
    }

    private static SelectConditionStep<Record2<UUID, String>> rows(ImportRow i, Condition where) {
        Field<String> noDetail = DSL.castNull(String.class).as("detail");
        return DSL.select(i.CONTACT_ID.as("contact_id"), noDetail).from(i).where(where);
    }
}
