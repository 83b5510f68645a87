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

    /** How the history entry of a reset by the account begins. */
    public static final String RESET_EVIDENCE = "delivery reset";

    /** A history entry about delivery (a bounce, a reset), which leaves consent as it was. */
    public static boolean isDeliveryEntry(Channel channel, @Nullable String evidence) {
        return channel == Channel.BOUNCE || (evidence != null && evidence.startsWith(RESET_EVIDENCE));
    }
}
