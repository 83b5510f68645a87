package io.audience.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A delivery's states and when a failed one is tried again. */
final class Deliveries {

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    /** Tried again for this long after the event, then given up (marked failed). */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration LONGEST = Duration.ofHours(6);

    private Deliveries() {}

    /**
     * Exponential backoff with full jitter after the {@code attempts}-th failure: 5 s, 10 s, 20 s
     * ... doubling up to 6 hours, each a random time between half and all of it, so endpoints
     * coming back are not hit by every sender at the same second.
     */
    static Duration backoff(int attempts) {
        long ceiling = FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(ceiling, LONGEST.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
