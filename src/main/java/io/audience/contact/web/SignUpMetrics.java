package io.audience.contact.web;

import io.audience.contact.ContactService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Sign-ups this instance accepted (after their transaction committed), by where they came from. */
@Component
class SignUpMetrics {

    private final MeterRegistry meters;

    SignUpMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Every series from the start: a rate over a series that appears with its first sign-up misses it.
        for (String via : new String[] {"api", "hosted_form"}) {
            for (ContactService.SignUpAction action : ContactService.SignUpAction.values()) {
                counter(via, action);
            }
        }
    }

    void accepted(String via, ContactService.SignUpResult result) {
        counter(via, result.action()).increment();
    }

    private Counter counter(String via, ContactService.SignUpAction action) {
        return Counter.builder("audience.signups")
                .description("Sign-ups accepted: the API's sign_up_form and the hosted forms")
                .tag("via", via)
                .tag("contact", action.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }
}
