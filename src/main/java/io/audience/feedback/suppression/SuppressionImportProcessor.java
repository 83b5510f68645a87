package io.audience.feedback.suppression;

import io.audience.activity.ActivityView;
import io.audience.activity.ChunkProcessor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Applies a staged suppression import a chunk at a time, through {@link SuppressionChunkRepository}. */
@Component
class SuppressionImportProcessor implements ChunkProcessor {

    private final SuppressionChunkRepository chunks;
    private final SuppressionStagingRepository statistics;
    private final Clock clock;

    SuppressionImportProcessor(
            SuppressionChunkRepository chunks, SuppressionStagingRepository statistics, Clock clock) {
        this.chunks = chunks;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public void beforeChunk(UUID accountId, UUID activityId, int from) {
        statistics.refreshStatistics(from);
    }

    @Override
    public String kind() {
        return SuppressionImports.KIND;
    }

    @Override
    public ActivityView.Counters process(UUID accountId, UUID activityId, String payload, int from, int to) {
        // The history entries and the webhook events of the chunk share this time, as stored.
        return chunks.apply(
                accountId, activityId, from, to, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    }
}
