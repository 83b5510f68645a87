package io.audience.ratelimit;

import io.audience.api.Caller;
import io.audience.ratelimit.Admission.Admitted;
import io.audience.ratelimit.Admission.Refused;
import io.audience.ratelimit.Admission.Window;
import io.audience.ratelimit.Limit.Holder;
import io.audience.ratelimit.Limit.Period;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts a caller's request against the limits that apply to it: per second and per day for its
 * token, and, for an OAuth app's caller, the same for the app, counted over all its grants.
 */
public final class RateLimiter {

    private static final Comparator<Window> MOST_CONSTRAINING = Comparator.comparingLong(Window::remaining)
            .thenComparing(Comparator.comparingLong(Window::resetSeconds).reversed());

    private final Buckets buckets;
    private final long perSecond;
    private final long perDay;

    RateLimiter(Buckets buckets, long perSecond, long perDay) {
        if (perSecond < 1 || perDay < 1) {
            throw new IllegalArgumentException(
                    "audience.rate-limit.per-second and per-day must be at least 1: " + perSecond + ", " + perDay);
        }
        this.buckets = buckets;
        this.perSecond = perSecond;
        this.perDay = perDay;
    }

    /**
     * Takes one request from every applicable limit, or from none: a refused request gives back
     * what it took, so being throttled never spends the daily quota. The per-second limits are
     * asked first, so a throttled request does not even touch the day's buckets.
     */
    public Admission admit(Caller caller) {
        List<Bucket> taken = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (Limit limit : limits(caller)) {
            Bucket bucket = buckets.bucket(limit);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(b -> b.addTokens(1));
                return new Refused(
                        new Window(limit.size(), 0, seconds(probe.getNanosToWaitForReset())),
                        limit,
                        Math.max(1, seconds(probe.getNanosToWaitForRefill())));
            }
            taken.add(bucket);
            windows.add(new Window(limit.size(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset())));
        }
        return new Admitted(windows.stream().min(MOST_CONSTRAINING).orElseThrow());
    }

    private List<Limit> limits(Caller caller) {
        String app = caller.clientId();
        if (app == null) {
            return List.of(
                    new Limit(Period.SECOND, Holder.TOKEN, caller.tokenKey(), perSecond),
                    new Limit(Period.DAY, Holder.TOKEN, caller.tokenKey(), perDay));
        }
        return List.of(
                new Limit(Period.SECOND, Holder.TOKEN, caller.tokenKey(), perSecond),
                new Limit(Period.SECOND, Holder.APP, app, perSecond),
                new Limit(Period.DAY, Holder.TOKEN, caller.tokenKey(), perDay),
                new Limit(Period.DAY, Holder.APP, app, perDay));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
