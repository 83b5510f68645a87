package io.audience.feedback;

import io.audience.consent.Delivery;
import io.audience.consent.DeliveryStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The delivery rules, pure: a hard bounce makes an address bounced at once; a soft bounce makes it
 * soft-bounced, or bounced once {@code limit} of them fell within {@code window} since its last
 * reset. A soft bounce never softens a bounced address.
 */
public record DeliveryPolicy(int limit, Duration window) {

    private static final int MAX_REASON = 1000;

    public DeliveryPolicy {
        if (limit < 1) {
            throw new IllegalArgumentException("audience.feedback.soft-bounce-limit must be at least 1, not " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("audience.feedback.soft-bounce-window must be positive, not " + window);
        }
    }

    /**
     * The state after {@code bounce} (a hard or soft bounce), given {@code softBounces}: the soft
     * bounces within the window since the last reset, this one included.
     */
    public Delivery after(Delivery current, Feedback bounce, int softBounces) {
        String reason = reason(bounce.status(), bounce.diagnostic());
        return switch (bounce.kind()) {
            case HARD_BOUNCE -> new Delivery(DeliveryStatus.BOUNCED, bounce.occurredAt(), reason);
            case SOFT_BOUNCE -> {
                if (current.status() == DeliveryStatus.BOUNCED) {
                    yield current;
                }
                if (softBounces >= limit) {
                    yield new Delivery(
                            DeliveryStatus.BOUNCED,
                            bounce.occurredAt(),
                            cut(softBounces + " soft bounces within " + window.toDays() + " days; the last: "
                                    + reason));
                }
                yield new Delivery(DeliveryStatus.SOFT_BOUNCED, bounce.occurredAt(), reason);
            }
            case COMPLAINT -> current;
        };
    }

    /** The status code and the server's words, as one line of at most 1,000 characters. */
    static String reason(@Nullable String status, @Nullable String diagnostic) {
        String text = ((status == null ? "" : status) + " " + (diagnostic == null ? "" : diagnostic))
                .replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        return cut(text.isEmpty() ? "no status given" : text);
    }

    private static String cut(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }
}
