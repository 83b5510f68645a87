package io.audience.activity;

import io.audience.metrics.CachedReading;
import io.audience.metrics.CommittedCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The activities' meters: how many of every account are in each state (the installation's queue),
 * and the rows that this instance's workers applied, by kind and outcome, whose rate is rows/s.
 */
@Component
class ActivityMetrics {

    private static final List<String> STATES = List.of(
            ActivityRepository.INITIALIZED,
            ActivityRepository.PROCESSING,
            ActivityRepository.COMPLETED,
            ActivityRepository.FAILED);

    private final MeterRegistry meters;

    ActivityMetrics(
            MeterRegistry meters,
            ActivityViewRepository views,
            Clock clock,
            List<ActivityProcessor> processors,
            List<ChunkProcessor> chunkProcessors) {
        this.meters = meters;
        // Every series from the start: a rate over a series that appears with its first rows misses them.
        java.util.stream.Stream.concat(
                        processors.stream().map(ActivityProcessor::kind),
                        chunkProcessors.stream().map(ChunkProcessor::kind))
                .forEach(kind -> {
                    rows(kind, "applied");
                    rows(kind, "failed");
                });
        CachedReading<Map<String, Long>> byState =
                new CachedReading<>(views::countByState, Map.of(), Duration.ofSeconds(5), clock);
        for (String state : STATES) {
            Gauge.builder(
                            "audience.activities",
                            byState,
                            reading -> reading.get().getOrDefault(state, 0L))
                    .description("Activities of every account in this state")
                    .tag("state", state)
                    // Held by the gauge alone: a weak reference (the default) would let it be collected.
                    .strongReference(true)
                    .register(meters);
        }
    }

    /** Rows a chunk applied, added once its transaction commits. */
    void applied(String kind, ActivityView.Counters counts) {
        CommittedCounts.add(rows(kind, "applied"), (double) counts.itemsCompletedCount() - counts.errorCount());
        CommittedCounts.add(rows(kind, "failed"), counts.errorCount());
    }

    private Counter rows(String kind, String outcome) {
        return Counter.builder("audience.activity.rows")
                .description("Rows of activities applied by this instance (imports, exports, bulk changes)")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(meters);
    }
}
