package io.audience.webhook;

import static io.audience.db.Tables.WEBHOOK_DELIVERY;
import static io.audience.db.Tables.WEBHOOK_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    /**
     * A delivery taken by this instance until its lease ends, with what it sends and where; an
     * event recorded in bulk has no payload yet, but its contact ({@code orderingKey}), time and
     * detail, from which it is made.
     */
    record Claimed(
            UUID accountId,
            UUID deliveryId,
            UUID webhookId,
            UUID eventId,
            String type,
            String url,
            @Nullable String payload,
            int attempts,
            OffsetDateTime createdAt,
            String orderingKey,
            OffsetDateTime occurredAt,
            @Nullable String detail) {}

    /**
     * Due deliveries whose contact has no earlier one pending at the same endpoint (order per
     * contact; an event about the account, such as an import's completion, also waits for the
     * account's earlier import rows to be made into events), taken in turns across accounts (each account's first, then each one's second, ...)
     * so one account's backlog does not hold the others back. The UPDATE re-checks the lease row
     * by row, so two instances never take the same delivery. It touches the deliveries by primary
     * key only, and what they send is joined after: planned generically (a prepared statement on
     * tables that grew since their statistics), an UPDATE joined to the events scanned every
     * event of the account per delivery (7.6 s a claim at 3,000 pending).
     */
    private static final String CLAIM = """
            with due as (
                select d.account_id, d.delivery_id,
                       row_number() over (partition by d.account_id order by d.seq) as turn
                from webhook_delivery d
                join webhook w on w.account_id = d.account_id and w.webhook_id = d.webhook_id
                where d.status = 'pending'
                  and d.next_attempt_at <= {0}
                  and (d.locked_until is null or d.locked_until < {0})
                  and (w.enabled or d.ordering_key like 'ping:%')
                  and not exists (
                      select 1 from webhook_delivery e
                      where e.account_id = d.account_id and e.webhook_id = d.webhook_id
                        and e.ordering_key = d.ordering_key and e.status = 'pending' and e.seq < d.seq)
                  and (d.ordering_key <> 'account' or not exists (
                      select 1 from webhook_batch b where b.account_id = d.account_id and b.seqs[1] < d.seq))
                order by d.next_attempt_at
                limit 2000
            ), chosen as (
                select account_id, delivery_id from due order by turn limit {1}
            ), claimed as (
                update webhook_delivery d set locked_until = {2}
                from chosen c
                where d.account_id = c.account_id and d.delivery_id = c.delivery_id
                  and d.status = 'pending' and (d.locked_until is null or d.locked_until < {0})
                returning d.account_id, d.delivery_id, d.webhook_id, d.event_id, d.attempts, d.created_at
            )
            select cl.account_id, cl.delivery_id, cl.webhook_id, cl.event_id, ev.type, w.url, ev.payload,
                   cl.attempts, cl.created_at, ev.ordering_key, ev.occurred_at, ev.detail
              from claimed cl
              join webhook w on w.account_id = cl.account_id and w.webhook_id = cl.webhook_id
              join webhook_event ev on ev.account_id = cl.account_id and ev.event_id = cl.event_id
            """;

    private final DSLContext db;

    DeliveryRepository(DSLContext db) {
        this.db = db;
    }

    List<Claimed> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return db.resultQuery(CLAIM, DSL.val(now), DSL.val(limit), DSL.val(leaseUntil))
                .fetch(r -> new Claimed(
                        r.get(0, UUID.class),
                        r.get(1, UUID.class),
                        r.get(2, UUID.class),
                        r.get(3, UUID.class),
                        r.get(4, String.class),
                        r.get(5, String.class),
                        r.get(6, String.class),
                        r.get(7, Integer.class),
                        r.get(8, OffsetDateTime.class),
                        r.get(9, String.class),
                        r.get(10, OffsetDateTime.class),
                        r.get(11, String.class)));
    }

    /** Records an attempt's outcome: succeeded or failed for good (completed), or pending until {@code nextAt}. */
    void attempted(
            Claimed claimed,
            String status,
            @Nullable OffsetDateTime nextAt,
            @Nullable Integer responseStatus,
            int latencyMs,
            @Nullable String error,
            @Nullable String excerpt,
            OffsetDateTime now) {
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, status)
                .set(WEBHOOK_DELIVERY.ATTEMPTS, claimed.attempts() + 1)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, nextAt == null ? now : nextAt)
                .set(WEBHOOK_DELIVERY.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.RESPONSE_STATUS, responseStatus)
                .set(WEBHOOK_DELIVERY.LATENCY_MS, latencyMs)
                .set(WEBHOOK_DELIVERY.LAST_ERROR, error)
                .set(WEBHOOK_DELIVERY.RESPONSE_EXCERPT, excerpt)
                .set(WEBHOOK_DELIVERY.COMPLETED_AT, Deliveries.PENDING.equals(status) ? null : now)
                .where(
                        WEBHOOK_DELIVERY.ACCOUNT_ID.eq(claimed.accountId()),
                        WEBHOOK_DELIVERY.DELIVERY_ID.eq(claimed.deliveryId()))
                .execute();
    }

    /**
     * The webhook's deliveries, newest first, after {@code before} when paging: by id, which is
     * time-ordered and unique (the sequence number is not: an import's rows share their chunk's).
     */
    List<WebhookDelivery> log(UUID accountId, UUID webhookId, @Nullable UUID before, int limit) {
        var condition = WEBHOOK_DELIVERY.ACCOUNT_ID.eq(accountId).and(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId));
        if (before != null) {
            condition = condition.and(WEBHOOK_DELIVERY.DELIVERY_ID.lt(before));
        }
        return logged(condition, limit);
    }

    Optional<WebhookDelivery> find(UUID accountId, UUID webhookId, UUID deliveryId) {
        return logged(
                        WEBHOOK_DELIVERY
                                .ACCOUNT_ID
                                .eq(accountId)
                                .and(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
                                .and(WEBHOOK_DELIVERY.DELIVERY_ID.eq(deliveryId)),
                        1)
                .stream()
                .findFirst();
    }

    private List<WebhookDelivery> logged(org.jooq.Condition condition, int limit) {
        return db.select(WEBHOOK_DELIVERY.asterisk(), WEBHOOK_EVENT.TYPE)
                .from(WEBHOOK_DELIVERY)
                .join(WEBHOOK_EVENT)
                .on(
                        WEBHOOK_EVENT.ACCOUNT_ID.eq(WEBHOOK_DELIVERY.ACCOUNT_ID),
                        WEBHOOK_EVENT.EVENT_ID.eq(WEBHOOK_DELIVERY.EVENT_ID))
                .where(condition)
                .orderBy(WEBHOOK_DELIVERY.DELIVERY_ID.desc())
                .limit(limit)
                .fetch(r -> new WebhookDelivery(
                        r.get(WEBHOOK_DELIVERY.DELIVERY_ID),
                        r.get(WEBHOOK_DELIVERY.EVENT_ID),
                        r.get(WEBHOOK_EVENT.TYPE),
                        r.get(WEBHOOK_DELIVERY.STATUS),
                        r.get(WEBHOOK_DELIVERY.ATTEMPTS),
                        r.get(WEBHOOK_DELIVERY.RESPONSE_STATUS),
                        r.get(WEBHOOK_DELIVERY.LATENCY_MS),
                        r.get(WEBHOOK_DELIVERY.LAST_ERROR),
                        r.get(WEBHOOK_DELIVERY.RESPONSE_EXCERPT),
                        r.get(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT),
                        Deliveries.PENDING.equals(r.get(WEBHOOK_DELIVERY.STATUS))
                                ? r.get(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT)
                                : null,
                        r.get(WEBHOOK_DELIVERY.CREATED_AT),
                        r.get(WEBHOOK_DELIVERY.COMPLETED_AT)));
    }

    /** Sends it again as soon as a worker is free: pending, due now, its attempts kept. */
    boolean redeliver(UUID accountId, UUID webhookId, UUID deliveryId, OffsetDateTime now) {
        return db.update(WEBHOOK_DELIVERY)
                        .set(WEBHOOK_DELIVERY.STATUS, Deliveries.PENDING)
                        .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
                        .set(WEBHOOK_DELIVERY.COMPLETED_AT, (OffsetDateTime) null)
                        .where(
                                WEBHOOK_DELIVERY.ACCOUNT_ID.eq(accountId),
                                WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId),
                                WEBHOOK_DELIVERY.DELIVERY_ID.eq(deliveryId))
                        .execute()
                == 1;
    }

    /** Pending deliveries, and the import rows not yet made into events (each at least one delivery). */
    long backlog() {
        return db.fetchSingle("""
                select (select count(*) from webhook_delivery where status = 'pending')
                     + (select coalesce(sum(item_to - next_item), 0) from webhook_batch)""").get(0, long.class);
    }

    /** Completed deliveries older than {@code before}, and the events no delivery points at any more. */
    int purgeCompletedBefore(OffsetDateTime before) {
        int deliveries = db.deleteFrom(WEBHOOK_DELIVERY)
                .where(
                        WEBHOOK_DELIVERY.STATUS.in(Deliveries.SUCCEEDED, Deliveries.FAILED),
                        WEBHOOK_DELIVERY.COMPLETED_AT.lt(before))
                .execute();
        int events = db.deleteFrom(WEBHOOK_EVENT)
                .where(
                        WEBHOOK_EVENT.OCCURRED_AT.lt(before),
                        DSL.notExists(DSL.selectOne()
                                .from(WEBHOOK_DELIVERY)
                                .where(
                                        WEBHOOK_DELIVERY.ACCOUNT_ID.eq(WEBHOOK_EVENT.ACCOUNT_ID),
                                        WEBHOOK_DELIVERY.EVENT_ID.eq(WEBHOOK_EVENT.EVENT_ID))))
                .execute();
        return deliveries + events;
    }
}
