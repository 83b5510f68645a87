package io.audience.webhook;

import java.util.UUID;

/** A staging row of an activity (an import's item), decided by the transaction {@code stamp}. */
public record StagedRow(UUID activityId, int item, long stamp) {}
