package io.audience.webhook;

import java.util.UUID;

/**
 * A staging row of an activity (an import's item) in the table {@code stagedIn}, decided by the
 * transaction {@code stamp}.
 */
public record StagedRow(String stagedIn, UUID activityId, int item, long stamp) {}
