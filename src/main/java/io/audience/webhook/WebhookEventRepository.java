package io.audience.webhook;

import static io.audience.db.Tables.WEBHOOK;
import static io.audience.db.Tables.WEBHOOK_DELIVERY;
import static io.audience.db.Tables.WEBHOOK_EVENT;

import io.audience.database.RenderedQuery;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The events to send and one pending delivery per subscription that wants them, in set-based statements. */
@Repository
class WebhookEventRepository {

    private final DSLContext db;
    private final RenderedQuery subscribed;

    WebhookEventRepository(DSLContext db) {
        this.db = db;
        // Asked by every transaction that changes a contact (SubscribedEvents): rendered once.
        this.subscribed = RenderedQuery.select(
                db,
                db.select(WEBHOOK.EVENTS)
                        .from(WEBHOOK)
                        .where(
                                WEBHOOK.ACCOUNT_ID.eq(DSL.param("account", WEBHOOK.ACCOUNT_ID)),
                                WEBHOOK.ENABLED.isTrue()));
    }

    /** The events the account's enabled subscriptions want, {@link EventType#ALL} among them when one wants all. */
    Set<String> subscribedEvents(UUID accountId) {
        Set<String> events = new HashSet<>();
        for (String[] wanted : subscribed.fetch(db, accountId).getValues(WEBHOOK.EVENTS)) {
            events.addAll(Arrays.asList(wanted));
        }
        return events;
    }

    boolean anySubscriber(UUID accountId) {
        return db.fetchExists(WEBHOOK, WEBHOOK.ACCOUNT_ID.eq(accountId).and(WEBHOOK.ENABLED.isTrue()));
    }

    /**
     * One event per selected contact, without a payload (made when sent), and a delivery of each
     * to every subscription of {@code webhookIds} that still exists and wants it, with the
     * sequence number {@code seq}, in one statement; answers how many deliveries. A contact is
     * selected once per statement, so the order among them does not matter. Ids are time-ordered,
     * so a million rows land at the right edge of each index, not all over it.
     */
    int recordEach(
            UUID accountId,
            EventType type,
            Select<? extends Record2<UUID, String>> contacts,
            OffsetDateTime at,
            long seq,
            List<UUID> webhookIds) {
        return db.execute(
                """
                with events as (
                    insert into webhook_event (account_id, event_id, type, ordering_key, occurred_at, payload, detail)
                    select {0}, {6}, {2}, r.contact_id::text, {3}, null, r.detail from ({1}) r
                    returning event_id, ordering_key
                )
                insert into webhook_delivery (account_id, delivery_id, webhook_id, event_id, seq, ordering_key, status,
                                              next_attempt_at, created_at)
                select {0}, {6}, webhook.webhook_id, e.event_id, {7}, e.ordering_key, {4}, now(), now()
                  from events e
                  join webhook on webhook.account_id = {0} and webhook.webhook_id = any({8}) and {5}""",
                DSL.val(accountId),
                contacts,
                DSL.val(type.wire()),
                DSL.val(at),
                DSL.val(Deliveries.PENDING),
                wants(type),
                Ids.nextInSql(),
                DSL.val(seq),
                DSL.val(webhookIds.toArray(UUID[]::new)));
    }

    /** Whether one of {@code webhookIds} wants the event. */
    boolean anyWants(UUID accountId, List<UUID> webhookIds, EventType type) {
        return db.fetchExists(
                WEBHOOK,
                WEBHOOK.ACCOUNT_ID
                        .eq(accountId)
                        .and(WEBHOOK.WEBHOOK_ID.in(webhookIds))
                        .and(wants(type)));
    }

    /** The event and a delivery for each enabled subscription that wants it; answers how many. */
    int record(UUID accountId, UUID eventId, EventType type, String orderingKey, String payload, OffsetDateTime at) {
        db.insertInto(WEBHOOK_EVENT)
                .set(WEBHOOK_EVENT.ACCOUNT_ID, accountId)
                .set(WEBHOOK_EVENT.EVENT_ID, eventId)
                .set(WEBHOOK_EVENT.TYPE, type.wire())
                .set(WEBHOOK_EVENT.ORDERING_KEY, orderingKey)
                .set(WEBHOOK_EVENT.OCCURRED_AT, at)
                .set(WEBHOOK_EVENT.PAYLOAD, payload)
                .execute();
        return db.insertInto(
                        WEBHOOK_DELIVERY,
                        WEBHOOK_DELIVERY.ACCOUNT_ID,
                        WEBHOOK_DELIVERY.DELIVERY_ID,
                        WEBHOOK_DELIVERY.WEBHOOK_ID,
                        WEBHOOK_DELIVERY.EVENT_ID,
                        WEBHOOK_DELIVERY.ORDERING_KEY,
                        WEBHOOK_DELIVERY.STATUS,
                        WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT,
                        WEBHOOK_DELIVERY.CREATED_AT)
                .select(db.select(
                                WEBHOOK.ACCOUNT_ID,
                                Ids.nextInSql(),
                                WEBHOOK.WEBHOOK_ID,
                                DSL.val(eventId),
                                DSL.val(orderingKey),
                                DSL.val(Deliveries.PENDING),
                                DSL.val(at),
                                DSL.val(at))
                        .from(WEBHOOK)
                        .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.ENABLED.isTrue(), wants(type))
                        .orderBy(WEBHOOK.WEBHOOK_ID))
                .execute();
    }

    /** A ping to one webhook, whatever it subscribed to and even when disabled (to test it before enabling). */
    UUID ping(UUID accountId, UUID webhookId, UUID eventId, String payload, OffsetDateTime at) {
        db.insertInto(WEBHOOK_EVENT)
                .set(WEBHOOK_EVENT.ACCOUNT_ID, accountId)
                .set(WEBHOOK_EVENT.EVENT_ID, eventId)
                .set(WEBHOOK_EVENT.TYPE, EventType.PING.wire())
                .set(WEBHOOK_EVENT.ORDERING_KEY, "ping")
                .set(WEBHOOK_EVENT.OCCURRED_AT, at)
                .set(WEBHOOK_EVENT.PAYLOAD, payload)
                .execute();
        UUID deliveryId = Ids.next();
        db.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.ACCOUNT_ID, accountId)
                .set(WEBHOOK_DELIVERY.DELIVERY_ID, deliveryId)
                .set(WEBHOOK_DELIVERY.WEBHOOK_ID, webhookId)
                .set(WEBHOOK_DELIVERY.EVENT_ID, eventId)
                .set(WEBHOOK_DELIVERY.ORDERING_KEY, "ping:" + eventId)
                .set(WEBHOOK_DELIVERY.STATUS, Deliveries.PENDING)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, at)
                .set(WEBHOOK_DELIVERY.CREATED_AT, at)
                .execute();
        return deliveryId;
    }

    /** Erase: every event about the contact, sent or not, and its deliveries. */
    int forget(UUID accountId, String orderingKey) {
        db.deleteFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.ACCOUNT_ID.eq(accountId), WEBHOOK_DELIVERY.ORDERING_KEY.eq(orderingKey))
                .execute();
        return db.deleteFrom(WEBHOOK_EVENT)
                .where(WEBHOOK_EVENT.ACCOUNT_ID.eq(accountId), WEBHOOK_EVENT.ORDERING_KEY.eq(orderingKey))
                .execute();
    }

    private static Condition wants(EventType type) {
        return WEBHOOK.EVENTS
                .contains(new String[] {EventType.ALL})
                .or(WEBHOOK.EVENTS.contains(new String[] {type.wire()}));
    }
}
