package io.audience.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per network address, against one guesser trying many emails (each user's own
 * count stops one email being guessed). In memory, per instance: a window of 15 minutes from an
 * address's first failure; past the limit its sign-ins are refused until the window ends.
 */
@Component
public class LoginAttempts {

    private final int limit;
    private final Cache<String, AtomicInteger> failures;

    LoginAttempts(
            @Value("${audience.login.failures-per-address:20}") int limit,
            @Value("${audience.login.failure-window:15m}") Duration window) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
    }

    public boolean blocked(String address) {
        AtomicInteger count = failures.getIfPresent(address);
        return count != null && count.get() >= limit;
    }

    public void failed(String address) {
        failures.get(address, a -> new AtomicInteger()).incrementAndGet();
    }
}
