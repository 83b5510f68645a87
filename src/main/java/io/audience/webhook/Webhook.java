package io.audience.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription as stored, without its secrets. */
public record Webhook(
        UUID accountId,
        UUID webhookId,
        String url,
        List<String> events,
        @Nullable String description,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable OffsetDateTime failingSince,
        @Nullable OffsetDateTime previousSecretUntil,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The secret, shown only in the answer that made it. */
    public record WithSecret(Webhook webhook, String secret) {}

    /** What an account writes: POST and PUT replace it whole. */
    public record Input(
            String url, List<String> events, @Nullable String description, boolean enabled) {}
}
