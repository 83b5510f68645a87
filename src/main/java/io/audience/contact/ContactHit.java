package io.audience.contact;

import io.audience.consent.DeliveryStatus;
import io.audience.consent.Permission;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the console's contact search: what the results table shows, nothing more. */
public record ContactHit(
        UUID contactId,
        @Nullable String emailAddress,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable Permission permission,
        @Nullable DeliveryStatus delivery,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime deletedAt) {}
