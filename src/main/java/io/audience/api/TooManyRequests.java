package io.audience.api;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429: the account already has as many of these requests running as it may; retry after a while. */
public final class TooManyRequests extends ApiException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public String errorKey() {
        return "too_many_requests";
    }
}
