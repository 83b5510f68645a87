package io.audience.activity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ActivityView(
        UUID activityId,
        String kind,
        String state,
        int percentDone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime completedAt,
        Counters counters,
        @Nullable String error) {

    /** The vendor's status counters. */
    public record Counters(
            int itemsTotalCount,
            int itemsCompletedCount,
            int personCount,
            int errorCount,
            int correctableCount,
            int cannotAddToListCount,
            int listCount) {

        static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0, 0);
    }
}
