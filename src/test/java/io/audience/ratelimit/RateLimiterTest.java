package io.audience.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.Caller;
import io.audience.api.Privileges;
import io.audience.api.Scopes;
import io.audience.ratelimit.Admission.Admitted;
import io.audience.ratelimit.Admission.Refused;
import io.audience.ratelimit.Admission.Window;
import io.audience.ratelimit.Limit.Holder;
import io.audience.ratelimit.Limit.Period;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limiter on in-memory buckets with a clock the test moves, so no result depends on timing. */
class RateLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final UUID account = UUID.randomUUID();

    @Test
    void twoGrantsOfOneAppShareTheAppsPerSecondLimit() {
        RateLimiter limiter = limiter(3, 1_000);
        Caller first = oauth("oauth:grant-1", "client-1");
        Caller second = oauth("oauth:grant-2", "client-1");

        assertThat(limiter.admit(first)).isInstanceOf(Admitted.class);
        assertThat(limiter.admit(first)).isInstanceOf(Admitted.class);
        Admission third = limiter.admit(second);
        assertThat(third).isInstanceOf(Admitted.class);
        assertThat(third.window()).as("the app has no request left this second").isEqualTo(new Window(3, 0, 1));

        Refused refused = (Refused) limiter.admit(second);
        assertThat(refused.limit()).isEqualTo(new Limit(Period.SECOND, Holder.APP, "client-1", 3));
        assertThat(refused.window()).isEqualTo(new Window(3, 0, 1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.admit(oauth("oauth:grant-3", "client-2")))
                .as("another app")
                .isInstanceOf(Admitted.class);
    }

    @Test
    void twoGrantsOfOneAppShareTheAppsDailyQuota() {
        RateLimiter limiter = limiter(100, 3);
        Caller first = oauth("oauth:grant-1", "client-1");
        Caller second = oauth("oauth:grant-2", "client-1");
        limiter.admit(first);
        limiter.admit(first);
        limiter.admit(second);

        Refused refused = (Refused) limiter.admit(second);
        assertThat(refused.limit()).isEqualTo(new Limit(Period.DAY, Holder.APP, "client-1", 3));
        assertThat(refused.retryAfterSeconds()).isEqualTo(86_400);
    }

    @Test
    void aRequestRefusedByTheAppsLimitIsNotCountedAgainstItsToken() {
        RateLimiter limiter = limiter(2, 1_000);
        Caller busy = oauth("oauth:busy", "client-1");
        Caller quiet = oauth("oauth:quiet", "client-1");
        limiter.admit(busy);
        limiter.admit(busy);

        assertThat(limiter.admit(quiet)).isInstanceOf(Refused.class);
        assertThat(limiter.admit(quiet)).isInstanceOf(Refused.class);

        clock.advance(Duration.ofSeconds(1));
        Admission admitted = limiter.admit(quiet);
        assertThat(admitted).isInstanceOf(Admitted.class);
        assertThat(admitted.window().remaining())
                .as("the token's and the app's second each have one left")
                .isEqualTo(1);
    }

    @Test
    void twoApiTokensOfOneAccountAreLimitedEachOnItsOwn() {
        RateLimiter limiter = limiter(2, 1_000);
        Caller first = Caller.apiToken(account, UUID.randomUUID());
        Caller second = Caller.apiToken(account, UUID.randomUUID());
        limiter.admit(first);
        limiter.admit(first);

        Refused refused = (Refused) limiter.admit(first);
        assertThat(refused.limit().holder()).isEqualTo(Holder.TOKEN);
        assertThat(limiter.admit(second)).isInstanceOf(Admitted.class);
        assertThat(limiter.admit(second)).isInstanceOf(Admitted.class);
    }

    @Test
    void aThrottledRequestDoesNotSpendTheDailyQuota() {
        RateLimiter limiter = limiter(2, 3);
        Caller caller = Caller.apiToken(account, UUID.randomUUID());
        limiter.admit(caller);
        limiter.admit(caller);
        for (int i = 0; i < 10; i++) {
            assertThat(((Refused) limiter.admit(caller)).limit().period()).isEqualTo(Period.SECOND);
        }

        clock.advance(Duration.ofSeconds(1));
        Admission last = limiter.admit(caller);
        assertThat(last).isInstanceOf(Admitted.class);
        assertThat(last.window()).as("the day's window, now the tighter one").isEqualTo(new Window(3, 0, 86_399));
    }

    @Test
    void theDailyQuotaRefusesUntilADayAfterItsFirstRequest() {
        RateLimiter limiter = limiter(100, 2);
        Caller caller = Caller.apiToken(account, UUID.randomUUID());
        limiter.admit(caller);
        clock.advance(Duration.ofHours(1));
        limiter.admit(caller);

        Refused refused = (Refused) limiter.admit(caller);
        assertThat(refused.limit().period()).isEqualTo(Period.DAY);
        assertThat(refused.window()).isEqualTo(new Window(2, 0, 23 * 3_600));
        assertThat(refused.retryAfterSeconds()).isEqualTo(23 * 3_600);

        clock.advance(Duration.ofHours(23).minusSeconds(1));
        assertThat(limiter.admit(caller)).isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.admit(caller)).isInstanceOf(Admitted.class);
    }

    @Test
    void theWindowReportedIsTheOneWithFewestRequestsLeftAndOnATieTheLongerOne() {
        Caller caller = Caller.apiToken(account, UUID.randomUUID());
        assertThat(limiter(10, 1_000).admit(caller).window()).isEqualTo(new Window(10, 9, 1));
        assertThat(limiter(10, 5).admit(caller).window()).isEqualTo(new Window(5, 4, 86_400));
        assertThat(limiter(7, 7).admit(caller).window()).isEqualTo(new Window(7, 6, 86_400));
    }

    @Test
    void limitsBelowOneAreRefusedAtStart() {
        assertThatThrownBy(() -> limiter(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private RateLimiter limiter(long perSecond, long perDay) {
        return new RateLimiter(new LocalBuckets(clock), perSecond, perDay);
    }

    private Caller oauth(String grant, String clientId) {
        return new Caller(account, grant, grant, clientId, Scopes.ALL, Privileges.ALL);
    }

    private static final class ManualClock implements TimeMeter {

        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
