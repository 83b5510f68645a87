package io.audience.consent;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The delivery state of an address: its status, when the last bounce that set it was, and why
 * (the status code and the server's words).
 */
public record Delivery(
        DeliveryStatus status,
        @Nullable OffsetDateTime bouncedAt,
        @Nullable String bounceReason) {

    public static final Delivery DELIVERABLE = new Delivery(DeliveryStatus.DELIVERABLE, null, null);
}
