package io.audience.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one set-based activity (an import) in several lanes at once, each applying its own ranges
 * of rows in its own transaction, so PostgreSQL uses more than one core. What makes that safe:
 * a range's effects, its rows' outcomes and its counts commit together; a row with an outcome is
 * never applied again; counts are of the rows a range decided itself; and every range checks at
 * its end, under the activity's row lock, that this worker still holds the lease, or rolls back.
 * After a crash the next lease starts from the first row without an outcome.
 */
final class ChunkLanes {

    private static final Logger log = LoggerFactory.getLogger(ChunkLanes.class);

    private final ActivityRepository store;
    private final ActivityCompletions completions;
    private final TransactionTemplate transactions;
    private final ExecutorService pool;
    private final int lanes;
    private final int chunk;
    private final Duration lease;
    private final Clock clock;
    private final ActivityMetrics metrics;

    ChunkLanes(
            ActivityRepository store,
            TransactionTemplate transactions,
            int lanes,
            int chunk,
            Duration lease,
            Clock clock,
            ActivityCompletions completions,
            ActivityMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.completions = completions;
        this.transactions = transactions;
        this.lanes = lanes;
        this.chunk = chunk;
        this.lease = lease;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(lanes, r -> {
            Thread thread = new Thread(r, "activity-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    void run(ActivityRepository.Claim claim, UUID owner, ChunkProcessor processor) {
        int start = transactions.execute(tx -> store.firstPending(claim));
        AtomicInteger next = new AtomicInteger(start);
        AtomicBoolean lost = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            running.add(pool.submit(() -> {
                while (!lost.get()) {
                    int from = next.getAndAdd(chunk);
                    if (from > claim.total()) {
                        return;
                    }
                    int to = Math.min(claim.total() + 1, from + chunk);
                    processor.beforeChunk(claim.accountId(), claim.activityId(), from);
                    if (!applyRetryingTransientFailures(claim, owner, processor, from, to)) {
                        lost.set(true);
                    }
                }
            }));
        }
        for (Future<?> lane : running) {
            try {
                awaitRenewingLease(lane, claim, owner, lost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running activity " + claim.activityId(), e);
            } catch (ExecutionException e) {
                lost.set(true);
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        if (!lost.get()) {
            transactions.executeWithoutResult(tx -> {
                OffsetDateTime now = now();
                if (store.completeIfDone(claim, owner, now)) {
                    completions.completed(claim.accountId(), claim.activityId(), now);
                }
            });
        }
    }

    /**
     * The lease is renewed while the lanes work, not only when a range commits: a range slower
     * than the lease (a busy machine, a large file of existing contacts) would otherwise lose it
     * and be rolled back and run again, by this worker or another, for ever.
     */
    private void awaitRenewingLease(Future<?> lane, ActivityRepository.Claim claim, UUID owner, AtomicBoolean lost)
            throws InterruptedException, ExecutionException {
        long renewEvery = Math.max(1, lease.toMillis() / 3);
        while (true) {
            try {
                lane.get(renewEvery, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                Boolean owned;
                try {
                    owned = transactions.execute(tx -> store.renewLease(claim, owner, now().plus(lease)));
                } catch (RuntimeException e) {
                    if (!TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    log.info(
                            "Renewing the lease of activity {} met a transient failure; trying again",
                            claim.activityId());
                    continue;
                }
                if (!Boolean.TRUE.equals(owned) && !lost.getAndSet(true)) {
                    log.warn("Activity {} is no longer leased to this worker; its lanes stop", claim.activityId());
                }
            }
        }
    }

    /**
     * False when the lease was lost: the range rolled back, another worker goes on. A range that
     * meets a transient failure (a deadlock, a lost connection) rolled back whole and runs again.
     */
    private boolean applyRetryingTransientFailures(
            ActivityRepository.Claim claim, UUID owner, ChunkProcessor processor, int from, int to) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(transactions.execute(tx -> {
                    ActivityView.Counters counts =
                            processor.process(claim.accountId(), claim.activityId(), claim.payload(), from, to);
                    if (!store.addCountsIfOwned(claim, owner, counts, now(), now().plus(lease))) {
                        log.warn(
                                "Rows {}..{} of activity {} rolled back: the lease was lost",
                                from,
                                to,
                                claim.activityId());
                        tx.setRollbackOnly();
                        return false;
                    }
                    metrics.applied(claim.kind(), counts);
                    return true;
                }));
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || attempt == TransientFailures.MAX_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Rows {}..{} of activity {} met a transient database failure (attempt {}: {}); running them"
                                + " again",
                        from,
                        to,
                        claim.activityId(),
                        attempt,
                        e.getClass().getSimpleName());
                TransientFailures.pause(attempt);
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
