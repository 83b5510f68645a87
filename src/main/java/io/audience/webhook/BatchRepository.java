package io.audience.webhook;

import static io.audience.db.Tables.WEBHOOK_BATCH;

import io.audience.db.tables.records.WebhookBatchRecord;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Imports' chunks whose rows are still to be made into events (V28). */
@Repository
class BatchRepository {

    private static final Field<Long> FIRST_SEQ = DSL.field("{0}[1]", Long.class, WEBHOOK_BATCH.SEQS);

    private final DSLContext db;

    BatchRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * One row for the chunk, naming the subscriptions enabled now and taking a delivery sequence
     * number for each event type; nothing when the account has no enabled subscription.
     */
    boolean insert(
            UUID accountId,
            String stagedIn,
            UUID activityId,
            int from,
            int to,
            List<UUID> listIds,
            boolean allNew,
            OffsetDateTime at) {
        return db.execute(
                        """
                insert into webhook_batch (account_id, batch_id, staged_in, activity_id, item_from, item_to, next_item,
                                           stamp, list_ids, all_new, webhook_ids, seqs, occurred_at)
                select {0}, {1}, {9}, {2}, {3}, {4}, {3}, txid_current() % 4294967296, {5}, {6}, w.ids,
                       array(select nextval(pg_get_serial_sequence('webhook_delivery', 'seq'))
                               from generate_series(1, {7}) order by 1), {8}
                  from (select array_agg(webhook_id order by webhook_id) as ids
                          from webhook where account_id = {0} and enabled) w
                 where w.ids is not null""",
                        DSL.val(accountId),
                        DSL.val(Ids.next()),
                        DSL.val(activityId),
                        DSL.val(from),
                        DSL.val(to),
                        DSL.val(listIds.toArray(UUID[]::new)),
                        DSL.val(allNew),
                        DSL.val(EventBatch.TYPES.size()),
                        DSL.val(at),
                        DSL.val(stagedIn))
                == 1;
    }

    /** Accounts with a batch to expand, oldest first. */
    List<UUID> accountsWaiting(int limit) {
        return db.select(WEBHOOK_BATCH.ACCOUNT_ID)
                .from(WEBHOOK_BATCH)
                .groupBy(WEBHOOK_BATCH.ACCOUNT_ID)
                .orderBy(DSL.min(FIRST_SEQ))
                .limit(limit)
                .fetch(WEBHOOK_BATCH.ACCOUNT_ID);
    }

    /**
     * The account's oldest batch, locked for expanding it; empty when a change of one of its
     * contacts holds it (that change's transaction comes first) or there is none. Only the oldest:
     * a later batch expanded first could put a contact's later row before its earlier one.
     */
    Optional<EventBatch> lockOldest(UUID accountId) {
        return db.selectFrom(WEBHOOK_BATCH)
                .where(WEBHOOK_BATCH.ACCOUNT_ID.eq(accountId))
                .and(FIRST_SEQ.eq(DSL.select(DSL.min(FIRST_SEQ))
                        .from(WEBHOOK_BATCH)
                        .where(WEBHOOK_BATCH.ACCOUNT_ID.eq(accountId))))
                .forUpdate()
                .skipLocked()
                .fetchOptional(BatchRepository::batch);
    }

    /** The account's batches in order: usually none, found with one index probe. */
    List<EventBatch> of(UUID accountId) {
        return db.selectFrom(WEBHOOK_BATCH)
                .where(WEBHOOK_BATCH.ACCOUNT_ID.eq(accountId))
                .orderBy(FIRST_SEQ)
                .fetch(BatchRepository::batch);
    }

    /**
     * The batch, shared-locked until the caller's transaction ends so no expansion of it runs
     * meanwhile (changes of several contacts share it), read after the lock: an expansion that
     * just ended is seen. Empty when it was expanded to the end meanwhile.
     */
    Optional<EventBatch> lockShared(EventBatch batch) {
        return db.selectFrom(WEBHOOK_BATCH)
                .where(WEBHOOK_BATCH.ACCOUNT_ID.eq(batch.accountId()), WEBHOOK_BATCH.BATCH_ID.eq(batch.batchId()))
                .forShare()
                .fetchOptional(BatchRepository::batch);
    }

    /**
     * How many of the account's deliveries to enabled endpoints are pending, counted up to
     * {@code cap}. A disabled endpoint's do not hold expansion back: its events are made and wait
     * for it, so the staged rows (personal data) do not wait with them.
     */
    int pendingDeliveries(UUID accountId, int cap) {
        return db.fetchSingle("""
                select count(*)::int from (
                    select 1 from webhook_delivery d
                      join webhook w on w.account_id = d.account_id and w.webhook_id = d.webhook_id
                     where d.account_id = {0} and d.status = 'pending' and w.enabled
                     limit {1}) p""", DSL.val(accountId), DSL.val(cap)).get(0, int.class);
    }

    /**
     * Expansions grow the outbox by thousands of rows a second, faster than autovacuum re-analyses
     * it; planned from statistics of a near-empty table, the claim checked each delivery's order
     * against every pending one (0.8 s a claim at 3,000 pending, 10 ms after ANALYZE). Analysed
     * when a fifth of a table (at least 1,000 rows) changed since its last analysis.
     */
    boolean refreshStatistics() {
        boolean stale = db.fetchExists(DSL.selectOne()
                .from(DSL.table("pg_stat_user_tables"))
                .where(
                        DSL.field("schemaname").eq(DSL.field("current_schema()")),
                        DSL.field("relname", String.class).in("webhook_delivery", "webhook_event"),
                        DSL.condition("n_mod_since_analyze > greatest(1000, n_live_tup / 5)")));
        if (stale) {
            db.execute("analyze webhook_delivery, webhook_event");
        }
        return stale;
    }

    /** Rows before {@code next} are expanded; at the end the batch is gone. */
    void advance(EventBatch batch, int next) {
        Condition it = WEBHOOK_BATCH.ACCOUNT_ID.eq(batch.accountId()).and(WEBHOOK_BATCH.BATCH_ID.eq(batch.batchId()));
        if (next >= batch.itemTo()) {
            db.deleteFrom(WEBHOOK_BATCH).where(it).execute();
        } else {
            db.update(WEBHOOK_BATCH)
                    .set(WEBHOOK_BATCH.NEXT_ITEM, next)
                    .where(it)
                    .execute();
        }
    }

    /** Whether a batch still needs the staging rows of {@code activityId}. */
    static Condition pending(Field<UUID> accountId, Field<UUID> activityId) {
        return DSL.exists(DSL.selectOne()
                .from(WEBHOOK_BATCH)
                .where(WEBHOOK_BATCH.ACCOUNT_ID.eq(accountId), WEBHOOK_BATCH.ACTIVITY_ID.eq(activityId)));
    }

    private static EventBatch batch(WebhookBatchRecord r) {
        return new EventBatch(
                r.getAccountId(),
                r.getBatchId(),
                r.getStagedIn(),
                r.getActivityId(),
                r.getItemFrom(),
                r.getItemTo(),
                r.getNextItem(),
                r.getStamp(),
                Arrays.asList(r.getListIds()),
                r.getAllNew(),
                Arrays.asList(r.getWebhookIds()),
                Arrays.asList(r.getSeqs()),
                r.getOccurredAt());
    }
}
