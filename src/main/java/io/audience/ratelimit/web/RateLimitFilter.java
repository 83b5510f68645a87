package io.audience.ratelimit.web;

import io.audience.api.Caller;
import io.audience.api.ErrorBodies;
import io.audience.ratelimit.Admission;
import io.audience.ratelimit.Admission.Refused;
import io.audience.ratelimit.Limit;
import io.audience.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on /v3/** for authenticated callers. It runs after authentication (it needs the
 * caller) and before the idempotency filter, so replayed answers count and carry the headers too.
 * The headers are set before the request runs, so every answer has them, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final ErrorBodies errors;
    private final AtomicBoolean failing = new AtomicBoolean();

    RateLimitFilter(RateLimiter limiter, ErrorBodies errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(Caller.REQUEST_ATTRIBUTE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        Admission admission;
        try {
            admission = limiter.admit(caller);
        } catch (RuntimeException e) {
            // Limits protect the service; an unreachable Redis must not take the API down with it.
            if (failing.compareAndSet(false, true)) {
                log.error("Rate limits cannot be counted; requests pass unlimited until they can", e);
            }
            chain.doFilter(request, response);
            return;
        }
        if (failing.compareAndSet(true, false)) {
            log.info("Rate limits are counted again");
        }
        Admission.Window window = admission.window();
        response.setHeader("RateLimit-Limit", Long.toString(window.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(window.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(window.resetSeconds()));
        if (admission instanceof Refused refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
            refuse(response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, Refused refused) throws IOException {
        Limit limit = refused.limit();
        String whose = switch (limit.holder()) {
            case TOKEN -> "this token";
            case APP -> "the app " + limit.holderKey();
            case ADDRESS -> "your network address";
            case FORM -> "this form";
        };
        String retry =
                "retry in " + refused.retryAfterSeconds() + (refused.retryAfterSeconds() == 1 ? " second" : " seconds");
        switch (limit.period()) {
            case SECOND ->
                errors.write(
                        response,
                        429,
                        "throttled",
                        "Too many requests: the limit of " + limit.size() + " requests per second for " + whose
                                + " is reached; " + retry);
            case HOUR ->
                errors.write(
                        response,
                        429,
                        "throttled",
                        "Too many requests: the limit of " + limit.size() + " per hour for " + whose + " is reached; "
                                + retry);
            case DAY ->
                errors.write(
                        response,
                        429,
                        "quota_exceeded",
                        "Daily quota exceeded: the limit of " + limit.size() + " requests per day for " + whose
                                + " is used up; " + retry);
        }
    }
}
