package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a webhook's delivery log. */
public record WebhookDelivery(
        UUID deliveryId,
        UUID eventId,
        String type,
        String status,
        int attempts,
        @Nullable Integer responseStatus,
        @Nullable Integer latencyMs,
        @Nullable String lastError,
        @Nullable String responseExcerpt,
        @Nullable OffsetDateTime lastAttemptAt,
        @Nullable OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime completedAt) {}
