package io.audience.auth;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API token as the operator may see it: never its secret. {@code prefix} is its first
 * characters, to tell tokens apart; tokens issued before prefixes were kept have none.
 */
public record ApiTokenView(
        UUID tokenId,
        @Nullable String prefix,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime revokedAt) {}
