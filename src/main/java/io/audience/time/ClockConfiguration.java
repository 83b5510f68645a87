package io.audience.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service reads the time only from this {@link Clock} (UTC), never from {@code now()}, so a
 * test can replace it and move time past an expiry. ArchitectureTest enforces it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
