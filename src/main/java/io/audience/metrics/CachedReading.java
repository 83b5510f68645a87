package io.audience.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database for a gauge, read again only when older than {@code maxAge}:
 * every instance is scraped, and each scrape asks for every tag of a gauge, so a count over the
 * installation would otherwise run many times a scrape on every instance.
 */
public final class CachedReading<T> {

    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt = Instant.MIN;

    public CachedReading(Supplier<T> read, T initial, Duration maxAge, Clock clock) {
        this.read = read;
        this.value = initial;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt.plus(maxAge).isBefore(now)) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
