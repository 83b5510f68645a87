package io.audience.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ActivityView(UUID activityId, String kind, String state, int percentDone,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
