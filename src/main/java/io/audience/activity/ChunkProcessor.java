package io.audience.activity;

import java.util.UUID;

/**
 * Applies a whole range of an activity's rows with set-based statements, inside the chunk's
 * transaction: the rows' effects, their outcomes and the returned counts commit together. Used
 * instead of {@link ActivityProcessor} for kinds where a row at a time is too slow (imports).
 */
public interface ChunkProcessor {

    String kind();

    /** Runs before the chunk's transaction (maintenance that must not hold the chunk's locks). */
    default void beforeChunk(UUID accountId, UUID activityId, int from) {}

    /** Applies rows {@code from} (inclusive) to {@code to} (exclusive); answers the chunk's counts. */
    ActivityView.Counters process(UUID accountId, UUID activityId, String payload, int from, int to);
}
