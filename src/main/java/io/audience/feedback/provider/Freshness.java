package io.audience.feedback.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The window a signed timestamp must fall in, so a captured request cannot be replayed later. */
final class Freshness {

    static final Duration SKEW = Duration.ofMinutes(5);

    private Freshness() {}

    static void within(Instant signedAt, Clock clock, Duration window, String what) {
        within(signedAt, clock, window, window, what);
    }

    static void within(Instant signedAt, Clock clock, Duration maxAge, Duration maxAhead, String what) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new BadSignature(what + " is more than " + maxAge.toMinutes() + " minutes old");
        }
        if (signedAt.isAfter(now.plus(maxAhead))) {
            throw new BadSignature(what + " is more than " + maxAhead.toMinutes() + " minutes ahead");
        }
    }

    static Instant epochSeconds(String value, String what) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new BadSignature(what + " is not a time in epoch seconds");
        }
    }
}
