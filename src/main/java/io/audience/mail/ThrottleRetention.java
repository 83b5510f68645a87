package io.audience.mail;

import io.audience.scheduling.Retention;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The confirmation-mail counters of past days, and per-address windows that have passed, count nothing any more. */
@Component
class ThrottleRetention implements Retention {

    private final ThrottleRepository counters;
    private final Duration resendAfter;

    ThrottleRetention(
            ThrottleRepository counters, @Value("${audience.confirmation.resend-after}") Duration resendAfter) {
        this.counters = counters;
        this.resendAfter = resendAfter;
    }

    @Override
    public String describe() {
        return "confirmation-mail counters of past days";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return counters.purgeBefore(now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), now.minus(resendAfter));
    }
}
