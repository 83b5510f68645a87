package io.audience.activity;

import io.audience.scheduling.Schedulers;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs staged activities. A worker leases one activity (taken with {@code SKIP LOCKED}, so two
 * instances never run it at once) and applies it in chunks; each chunk commits its rows' effects,
 * their outcomes, the counters and the resume position together, so after a crash the next lease
 * resumes from the last committed chunk and no row is applied twice.
 */
@Component
class ActivityWorker {

    private static final Logger log = LoggerFactory.getLogger(ActivityWorker.class);

    private final ActivityRepository store;
    private final ActivityCompletions completions;
    private final Map<String, ActivityProcessor> processors;
    private final Map<String, ChunkProcessor> chunkProcessors;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final UUID owner = UUID.randomUUID();
    private final int chunk;
    private final ChunkLanes lanes;
    private final Duration lease;
    private final Clock clock;
    private final ActivityMetrics metrics;

    ActivityWorker(
            ActivityRepository store,
            List<ActivityProcessor> processors,
            List<ChunkProcessor> chunkProcessors,
            PlatformTransactionManager transactionManager,
            @Value("${audience.activity.chunk-size:500}") int chunk,
            @Value("${audience.activity.import-chunk-size:10000}") int setChunk,
            @Value("${audience.activity.import-lanes:2}") int importLanes,
            @Value("${audience.activity.lease:30s}") Duration lease,
            Clock clock,
            ActivityCompletions completions,
            ActivityMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.completions = completions;
        this.processors = processors.stream().collect(Collectors.toMap(ActivityProcessor::kind, Function.identity()));
        this.chunkProcessors =
                chunkProcessors.stream().collect(Collectors.toMap(ChunkProcessor::kind, Function.identity()));
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.chunk = chunk;
        this.lease = lease;
        this.clock = clock;
        this.lanes = new ChunkLanes(store, transactions, importLanes, setChunk, lease, clock, completions, metrics);
    }

    @Scheduled(fixedDelayString = "${audience.activity.poll-interval:500ms}", scheduler = Schedulers.ACTIVITIES)
    void runDue() {
        Optional<ActivityRepository.Claim> claim;
        while ((claim = transactions.execute(tx -> store.claim(owner, now(), now().plus(lease)))) != null
                && claim.isPresent()) {
            run(claim.get());
        }
    }

    private void run(ActivityRepository.Claim claim) {
        ActivityProcessor processor = processors.get(claim.kind());
        ChunkProcessor chunkProcessor = chunkProcessors.get(claim.kind());
        if (processor == null && chunkProcessor == null) {
            transactions.executeWithoutResult(tx -> store.fail(claim, "No processor for " + claim.kind(), now()));
            return;
        }
        try {
            if (chunkProcessor != null) {
                lanes.run(claim, owner, chunkProcessor);
                return;
            }
            ActivityProcessor single = Objects.requireNonNull(processor, "a kind without a chunk processor has one");
            boolean more = true;
            while (more) {
                more = retryingTransientFailures(() -> transactions.execute(tx -> chunk(claim, single)));
            }
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // The database is still away after every attempt: failing the activity now would end an
                // import that can go on. Its lease runs out, and a worker takes it up where it stopped.
                log.warn(
                        "Activity {} paused: the database is unreachable ({}); it resumes when its lease of {} has run"
                                + " out",
                        claim.activityId(),
                        e.getClass().getSimpleName(),
                        lease);
                return;
            }
            log.error("Activity {} failed", claim.activityId(), e);
            transactions.executeWithoutResult(tx -> store.fail(
                    claim,
                    "Internal error (" + e.getClass().getSimpleName() + "); the service log has the details",
                    now()));
        }
    }

    /**
     * A chunk that met a transient failure (a deadlock with a concurrent writer, a lost connection)
     * rolled back whole, so it is run again after a pause; anything else ends the activity.
     */
    private boolean retryingTransientFailures(java.util.function.Supplier<Boolean> chunk) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(chunk.get());
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || attempt == TransientFailures.MAX_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Chunk met a transient database failure (attempt {}: {}); running it again",
                        attempt,
                        e.getClass().getSimpleName());
                TransientFailures.pause(attempt);
            }
        }
    }

    /** One chunk, in one transaction; false when the activity is done or no longer ours. */
    private boolean chunk(ActivityRepository.Claim claim, ActivityProcessor processor) {
        Optional<Integer> next = store.lockIfOwned(claim, owner);
        if (next.isEmpty()) {
            return false;
        }
        List<ActivityItem> items = store.items(claim, next.get(), chunk);
        int completed = 0;
        int persons = 0;
        int errors = 0;
        int correctable = 0;
        int cannotAdd = 0;
        int position = next.get();
        for (ActivityItem item : items) {
            ItemOutcome outcome = apply(claim, processor, item);
            store.recordOutcome(claim, item.number(), outcome);
            completed++;
            if (outcome.kind() == ItemOutcome.Kind.CREATED || outcome.kind() == ItemOutcome.Kind.UPDATED) {
                persons++;
            }
            if (outcome.kind() == ItemOutcome.Kind.FAILED) {
                errors++;
                correctable += outcome.correctable() ? 1 : 0;
            }
            cannotAdd += outcome.cannotAddToList() ? 1 : 0;
            position = item.number() + 1;
        }
        // Items are numbered from 1; the position is the first number not yet applied.
        int resumeAt = items.isEmpty() ? claim.total() + 1 : position;
        OffsetDateTime now = now();
        ActivityView.Counters counts =
                new ActivityView.Counters(0, completed, persons, errors, correctable, cannotAdd, 0);
        metrics.applied(claim.kind(), counts);
        if (store.advance(claim, resumeAt, counts, now, now.plus(lease))) {
            completions.completed(claim.accountId(), claim.activityId(), now);
        }
        return resumeAt <= claim.total();
    }

    private ItemOutcome apply(ActivityRepository.Claim claim, ActivityProcessor processor, ActivityItem item) {
        try {
            return savepoints.execute(
                    tx -> processor.process(claim.accountId(), claim.activityId(), claim.payload(), item));
        } catch (io.audience.api.ApiException e) {
            return ItemOutcome.failed(e.getMessage(), e.status().value() == 400);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
