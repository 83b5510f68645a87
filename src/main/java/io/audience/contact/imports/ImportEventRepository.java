package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;

import io.audience.consent.ConsentInBulk;
import io.audience.contact.ContactsInBulk;
import io.audience.db.tables.ImportRow;
import io.audience.list.MembershipsInBulk;
import io.audience.webhook.BatchRows;
import io.audience.webhook.EventBatch;
import io.audience.webhook.EventType;
import io.audience.webhook.StagedRow;
import io.audience.webhook.WebhookEventsInBulk;
import java.time.OffsetDateTime;
import java.util.Collection;
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
 * {@code contact.updated} or {@code contact.revived}, and {@code list_membership.added}. The chunk
 * writes one batch row ({@link #record}); its rows become events later ({@link #expand}), one
 * set-based statement per event type, from the staging rows the chunk's transaction decided.
 */
@Repository
class ImportEventRepository implements BatchRows {

    private final DSLContext db;
    private final WebhookEventsInBulk outbox;
    private final ConsentInBulk consent;
    private final MembershipsInBulk memberships;
    private final ContactsInBulk contacts;

    ImportEventRepository(
            DSLContext db,
            WebhookEventsInBulk outbox,
            ConsentInBulk consent,
            MembershipsInBulk memberships,
            ContactsInBulk contacts) {
        this.db = db;
        this.outbox = outbox;
        this.consent = consent;
        this.memberships = memberships;
        this.contacts = contacts;
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
        outbox.enqueue(this, accountId, activityId, from, to, listIds, allNew, at);
    }

    @Override
    public String stagedIn() {
        return IMPORT_ROW.getName();
    }

    @Override
    public void expand(EventBatch batch, int from, int to) {
        ImportRow i = IMPORT_ROW.as("i");
        events(
                batch,
                i,
                rowsOf(batch, i)
                        .and(i.ITEM_NUMBER.ge(from))
                        .and(i.ITEM_NUMBER.lt(to))
                        .and(i.ANNOUNCED.isFalse())
                        .and(DSL.condition("{0}::text::bigint = {1}", DSL.field("i.xmin"), DSL.val(batch.stamp()))));
    }

    @Override
    public List<StagedRow> rowsOf(UUID accountId, Collection<UUID> activityIds, UUID contactId) {
        ImportRow i = IMPORT_ROW.as("i");
        Field<Long> stamp = DSL.field("i.xmin::text::bigint", Long.class);
        return db.select(i.ACTIVITY_ID, i.ITEM_NUMBER, stamp)
                .from(i)
                .where(
                        i.ACCOUNT_ID.eq(accountId),
                        i.ACTIVITY_ID.in(activityIds),
                        i.EMAIL_KEY.eq(contacts.emailKeyOf(accountId, contactId)),
                        i.OUTCOME.in("created", "updated"),
                        i.ANNOUNCED.isFalse())
                .fetch(r -> new StagedRow(stagedIn(), r.value1(), r.value2(), r.value3()));
    }

    @Override
    public void expandRow(EventBatch batch, int item) {
        ImportRow i = IMPORT_ROW.as("i");
        // Announced first, in one statement: of two changes of the contact at once, one gets the row.
        List<Integer> items = db.update(i)
                .set(i.ANNOUNCED, true)
                .where(rowsOf(batch, i)
                        .and(i.ITEM_NUMBER.eq(item))
                        .and(i.ANNOUNCED.isFalse())
                        .and(DSL.condition("{0}::text::bigint = {1}", DSL.field("i.xmin"), DSL.val(batch.stamp()))))
                .returning(i.ITEM_NUMBER)
                .fetch(i.ITEM_NUMBER);
        if (!items.isEmpty()) {
            events(batch, i, rowsOf(batch, i).and(i.ITEM_NUMBER.eq(item)));
        }
    }

    private static Condition rowsOf(EventBatch batch, ImportRow i) {
        return i.ACCOUNT_ID.eq(batch.accountId()).and(i.ACTIVITY_ID.eq(batch.activityId()));
    }

    private void events(EventBatch batch, ImportRow i, Condition decided) {
        UUID accountId = batch.accountId();
        OffsetDateTime at = batch.at();
        Condition created = i.OUTCOME.eq("created");
        Condition updated = i.OUTCOME.eq("updated");
        outbox.recordEach(batch, EventType.CONTACT_CREATED, rows(i, decided.and(created)));
        outbox.recordEach(
                batch,
                EventType.CONSENT_CHANGED,
                rows(
                        i,
                        decided.and(created)
                                .and(
                                        batch.allNew()
                                                ? DSL.noCondition()
                                                : consent.firstRecordedAt(accountId, i.EMAIL_KEY, at))));
        outbox.recordEach(
                batch, EventType.CONTACT_REVIVED, rows(i, decided.and(updated).and(i.REVIVED.isTrue())));
        outbox.recordEach(
                batch, EventType.CONTACT_UPDATED, rows(i, decided.and(updated).and(i.REVIVED.isFalse())));
        if (!batch.listIds().isEmpty()) {
            outbox.recordEach(
                    batch,
                    EventType.LIST_MEMBERSHIP_ADDED,
                    memberships.addedAt(
                            accountId,
                            batch.listIds(),
                            DSL.select(i.CONTACT_ID).from(i).where(decided.and(created.or(updated))),
                            at));
        }
    }

    private static SelectConditionStep<Record2<UUID, String>> rows(ImportRow i, Condition where) {
        Field<String> noDetail = DSL.castNull(String.class).as("detail");
        return DSL.select(i.CONTACT_ID.as("contact_id"), noDetail).from(i).where(where);
    }
}
