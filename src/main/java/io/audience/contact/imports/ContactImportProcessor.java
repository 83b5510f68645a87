package io.audience.contact.imports;

import io.audience.activity.ActivityView;
import io.audience.activity.ChunkProcessor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Applies staged JSON and CSV imports a chunk at a time, through {@link ImportChunkRepository}. */
@Configuration(proxyBeanMethods = false)
class ContactImportProcessor {

    @Bean
    ChunkProcessor jsonImportProcessor(
            ImportChunkRepository chunks, ImportStatisticsRepository statistics, JsonMapper json, Clock clock) {
        return processor(ContactImports.JSON_KIND, chunks, statistics, json, clock);
    }

    @Bean
    ChunkProcessor fileImportProcessor(
            ImportChunkRepository chunks, ImportStatisticsRepository statistics, JsonMapper json, Clock clock) {
        return processor(ContactImports.FILE_KIND, chunks, statistics, json, clock);
    }

    private static ChunkProcessor processor(
            String kind,
            ImportChunkRepository chunks,
            ImportStatisticsRepository statistics,
            JsonMapper json,
            Clock clock) {
        return new ChunkProcessor() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void beforeChunk(UUID accountId, UUID activityId, int from) {
                statistics.refreshStatistics(from);
            }

            @Override
            public ActivityView.Counters process(UUID accountId, UUID activityId, String payload, int from, int to) {
                ContactImports.ImportPayload lists = json.readValue(payload, ContactImports.ImportPayload.class);
                return chunks.apply(
                        accountId,
                        activityId,
                        from,
                        to,
                        lists,
                        "activity:" + activityId,
                        kind + " " + activityId,
                        OffsetDateTime.now(clock));
            }
        };
    }
}
