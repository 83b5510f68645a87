package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;

import io.audience.contact.ContactsInBulk;
import io.audience.db.tables.SuppressionRow;
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
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Tells webhooks of the rows of a suppression import that changed a contact's address, as the
 * same report through a provider would: {@code consent.changed} for an opt-out or a complaint,
 * {@code delivery.bounced} for a bounce. An address no contact has is not told (it is no contact;
 * the activity's report lists it). The chunk writes one batch row when it changed a contact
 * ({@link #record}); the rows become events later ({@link #expand}), one statement per type.
 */
@Repository
class SuppressionEventRepository implements BatchRows {

    private static final Field<Long> STAMP = DSL.field("i.xmin::text::bigint", Long.class);

    private final DSLContext db;
    private final WebhookEventsInBulk outbox;
    private final ContactsInBulk contacts;

    SuppressionEventRepository(DSLContext db, WebhookEventsInBulk outbox, ContactsInBulk contacts) {
        this.db = db;
        this.outbox = outbox;
        this.contacts = contacts;
    }

    @Override
    public String stagedIn() {
        return SUPPRESSION_ROW.getName();
    }

    /** In the chunk's transaction: a batch of its rows, when one of those it decided changed a contact. */
    void record(UUID accountId, UUID activityId, int from, int to, Condition decidedHere, OffsetDateTime at) {
        SuppressionRow i = SUPPRESSION_ROW.as("i");
        if (db.fetchExists(
                i,
                inBatch(i, accountId, activityId)
                        .and(i.ITEM_NUMBER.ge(from))
                        .and(i.ITEM_NUMBER.lt(to))
                        .and(decidedHere)
                        .and(told(i)))) {
            outbox.enqueue(this, accountId, activityId, from, to, List.of(), false, at);
        }
    }

    @Override
    public void expand(EventBatch batch, int from, int to) {
        SuppressionRow i = SUPPRESSION_ROW.as("i");
        events(
                batch,
                i,
                inBatch(i, batch.accountId(), batch.activityId())
                        .and(i.ITEM_NUMBER.ge(from))
                        .and(i.ITEM_NUMBER.lt(to))
                        .and(i.ANNOUNCED.isFalse())
                        .and(STAMP.eq(batch.stamp())));
    }

    @Override
    public List<StagedRow> rowsOf(UUID accountId, Collection<UUID> activityIds, UUID contactId) {
        SuppressionRow i = SUPPRESSION_ROW.as("i");
        return db.select(i.ACTIVITY_ID, i.ITEM_NUMBER, STAMP)
                .from(i)
                .where(
                        i.ACCOUNT_ID.eq(accountId),
                        i.ACTIVITY_ID.in(activityIds),
                        i.EMAIL_KEY.eq(contacts.emailKeyOf(accountId, contactId)),
                        told(i),
                        i.ANNOUNCED.isFalse())
                .fetch(r -> new StagedRow(stagedIn(), r.value1(), r.value2(), r.value3()));
    }

    @Override
    public void expandRow(EventBatch batch, int item) {
        SuppressionRow i = SUPPRESSION_ROW.as("i");
        Condition row = inBatch(i, batch.accountId(), batch.activityId()).and(i.ITEM_NUMBER.eq(item));
        // Announced first, in one statement: of two changes of the contact at once, one gets the row.
        int announced = db.update(i)
                .set(i.ANNOUNCED, true)
                .where(row.and(i.ANNOUNCED.isFalse()).and(STAMP.eq(batch.stamp())))
                .execute();
        if (announced > 0) {
            events(batch, i, row);
        }
    }

    private static Condition inBatch(SuppressionRow i, UUID accountId, UUID activityId) {
        return i.ACCOUNT_ID.eq(accountId).and(i.ACTIVITY_ID.eq(activityId));
    }

    /** A row that changed the address of a contact. */
    private static Condition told(SuppressionRow i) {
        return i.OUTCOME.in("created", "updated").and(i.CONTACT_ID.isNotNull());
    }

    private void events(EventBatch batch, SuppressionRow i, Condition rows) {
        Condition bounced = i.KIND.eq(SuppressionEntry.Kind.BOUNCED.wire());
        outbox.recordEach(
                batch,
                EventType.CONSENT_CHANGED,
                select(i, DSL.castNull(String.class), rows.and(told(i)).andNot(bounced)));
        // The bounce's data is made when sent (ImportedBounces) from its address and time.
        outbox.recordEach(
                batch,
                EventType.DELIVERY_BOUNCED,
                select(
                        i,
                        DSL.field("json_build_array({0}, {1})::text", String.class, i.EMAIL_KEY, i.OCCURRED_AT),
                        rows.and(told(i)).and(bounced)));
    }

    private static Select<Record2<UUID, String>> select(SuppressionRow i, Field<String> detail, Condition where) {
        return DSL.select(i.CONTACT_ID.as("contact_id"), detail.as("detail"))
                .from(i)
                .where(where);
    }
}
