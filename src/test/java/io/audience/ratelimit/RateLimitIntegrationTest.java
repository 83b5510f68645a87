package io.audience.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The per-second limit, in memory, over HTTP: a burst past it is throttled. */
@TestPropertySource(properties = {"audience.rate-limit.per-second=3", "audience.rate-limit.per-day=1000000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitIntegrationTest extends IntegrationTest {

    @Test
    void aBurstPastThePerSecondLimitIsThrottledWithRetryAfterAndTheRateLimitHeaders() throws Exception {
        Api api = newAccount();
        long started = System.nanoTime();
        List<Api.Response> answers = burst(api, 20);
        long tenthsOfASecond = (System.nanoTime() - started) / 100_000_000 + 1;

        List<Api.Response> admitted =
                answers.stream().filter(r -> r.status() == 200).toList();
        List<Api.Response> throttled =
                answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(admitted.size() + throttled.size()).as(answers.toString()).isEqualTo(20);
        // A request's token comes back every third of a second, so a slow burst gets a few more.
        assertThat(admitted).hasSizeBetween(3, 3 + (int) (3 * tenthsOfASecond / 10) + 1);
        assertThat(throttled).isNotEmpty();
        for (Api.Response answer : answers) {
            assertThat(header(answer, "RateLimit-Limit")).isEqualTo(3);
            assertThat(header(answer, "RateLimit-Remaining")).isBetween(0L, 2L);
            assertThat(header(answer, "RateLimit-Reset")).isBetween(0L, 1L);
        }
        for (Api.Response answer : throttled) {
            assertThat(answer.error().get("error_key").asString()).isEqualTo("throttled");
            assertThat(answer.error().get("error_message").asString())
                    .isEqualTo("Too many requests: the limit of 3 requests per second for this token is reached; "
                            + "retry in 1 second");
            assertThat(header(answer, "Retry-After")).isEqualTo(1);
            assertThat(header(answer, "RateLimit-Remaining")).isZero();
            assertThat(header(answer, "RateLimit-Reset")).isEqualTo(1);
        }
        assertThat(admitted).allSatisfy(r -> assertThat(r.header("Retry-After")).isEmpty());

        Thread.sleep(1_100);
        Api.Response again = api.get("/v3/contact_lists");
        assertThat(again.status()).as("a second later: " + again).isEqualTo(200);
        assertThat(header(again, "RateLimit-Remaining")).isEqualTo(2);
    }

    @Test
    void aThrottledTokenDoesNotThrottleAnotherAccountsToken() throws Exception {
        Api throttled = newAccount();
        Api other = newAccount();
        assertThat(burst(throttled, 12)).anySatisfy(r -> assertThat(r.status()).isEqualTo(429));

        Api.Response answer = other.get("/v3/contact_lists");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(header(answer, "RateLimit-Remaining")).isEqualTo(2);
    }

    /** {@code n} requests of one token sent at once. */
    private static List<Api.Response> burst(Api api, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return api.get("/v3/contact_lists");
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static long header(Api.Response answer, String name) {
        return Long.parseLong(answer.header(name).orElseThrow(() -> new AssertionError("no " + name + ": " + answer)));
    }
}
