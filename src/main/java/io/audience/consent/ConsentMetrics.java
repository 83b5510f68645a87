package io.audience.consent;

import io.audience.metrics.CommittedCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Consent changes this instance committed, by the permission they led to and their channel:
 * opt-outs are {@code to="unsubscribed"}. A suppression import's opt-outs are written in bulk,
 * without an event per address, and count under the channel {@code suppression_import}.
 */
@Component
class ConsentMetrics {

    private final MeterRegistry meters;

    ConsentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A plain listener, not a transactional one: it needs no entry in the event publication registry. */
    @EventListener
    void changed(ConsentChanged event) {
        CommittedCounts.add(
                changes(event.entry().to().wire(), event.entry().channel().wire()), 1);
    }

    void optedOutByImport(int addresses) {
        CommittedCounts.add(changes(Permission.UNSUBSCRIBED.wire(), "suppression_import"), addresses);
    }

    private Counter changes(String to, String channel) {
        return Counter.builder("audience.consent.changes")
                .description("Consent changes committed, by the permission they led to and their channel")
                .tag("to", to)
                .tag("channel", channel)
                .register(meters);
    }
}
