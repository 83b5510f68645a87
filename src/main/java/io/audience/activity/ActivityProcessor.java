package io.audience.activity;

import java.util.UUID;

/**
 * Applies one row of one kind of activity. Called by the worker inside the chunk's transaction,
 * each row under its own savepoint: a row that throws is rolled back alone and counted failed.
 */
public interface ActivityProcessor {

    String kind();

    ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item);
}
