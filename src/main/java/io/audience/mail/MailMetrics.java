package io.audience.mail;

import io.audience.metrics.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The outbox's meters: mail of every account waiting to be sent, and what this instance sent. */
@Component
class MailMetrics {

    private final MeterRegistry meters;

    MailMetrics(MeterRegistry meters, OutboxRepository outbox, Clock clock) {
        this.meters = meters;
        CachedReading<Long> pending = new CachedReading<>(outbox::pendingCount, 0L, Duration.ofSeconds(5), clock);
        Gauge.builder("audience.mail.backlog", pending, CachedReading::get)
                .description("Mail of every account waiting to be sent or sent again")
                // Held by the gauge alone: a weak reference (the default) would let it be collected.
                .strongReference(true)
                .register(meters);
    }

    void sent(String kind) {
        attempts(kind, "sent").increment();
    }

    void failed(String kind, boolean forGood) {
        attempts(kind, forGood ? "given_up" : "retrying").increment();
    }

    private Counter attempts(String kind, String result) {
        return Counter.builder("audience.mail.attempts")
                .description("SMTP attempts of this instance, by mail kind and result")
                .tag("kind", kind)
                .tag("result", result)
                .register(meters);
    }
}
