package io.audience.ratelimit;

import static io.audience.ratelimit.RateLimitIntegrationTest.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two service instances, this test's and one in a second JVM, keep their buckets in the machine's
 * Redis under a prefix of this run's own, and so enforce one daily quota between them.
 */
@TestPropertySource(properties = {"audience.rate-limit.per-second=1000000", "audience.rate-limit.per-day=9"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTwoInstancesIntegrationTest extends IntegrationTest {

    private static final String REDIS_URL = "redis://127.0.0.1:6379";
    private static final String PREFIX = "audience:rate:test-" + UUID.randomUUID() + ":";
    private static final int PER_DAY = 9;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> REDIS_URL);
        registry.add("audience.rate-limit.redis-prefix", () -> PREFIX);
    }

    private static boolean redisAnswered;

    @BeforeAll
    static void redisRuns() {
        // Like the browser tests: skipped on a machine without Redis (./mvnw verify needs only a
        // JDK), a failure where -Daudience.test.redis=required says Redis must be there (.ci/run).
        try {
            onRedis(redis -> assertThat(redis.ping()).isEqualTo("PONG"));
            redisAnswered = true;
        } catch (RuntimeException e) {
            String message = "This test needs Redis at " + REDIS_URL + " (start it with "
                    + "`redis-server --daemonize yes`; .ci/run does): " + e;
            if ("required".equals(System.getProperty("audience.test.redis"))) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
        }
    }

    @AfterAll
    static void forgetThisRunsBuckets() {
        if (!redisAnswered) {
            return;
        }
        onRedis(redis -> ScanIterator.scan(redis, ScanArgs.Builder.matches(PREFIX + "*")).stream()
                .forEach(redis::del));
    }

    @Test
    void twoInstancesOnOneRedisAdmitExactlyTheDailyQuotaBetweenThem() throws Exception {
        String token = admin().post("/admin/accounts", Api.object().put("name", "Shared quota"))
                .json()
                .get("api_token")
                .asString();
        Api here = new Api(baseUrl(), token);
        try (OtherInstance other = OtherInstance.start(
                dataSource,
                Map.of(
                        "SPRING_DATA_REDIS_URL",
                        REDIS_URL,
                        "AUDIENCE_RATE_LIMIT_REDIS_PREFIX",
                        PREFIX,
                        "AUDIENCE_RATE_LIMIT_PER_SECOND",
                        "1000000",
                        "AUDIENCE_RATE_LIMIT_PER_DAY",
                        Integer.toString(PER_DAY)))) {
            Api there = new Api(other.baseUrl(), token);
            List<Api.Response> answers = new ArrayList<>();
            for (int i = 0; i < 2 * PER_DAY + 4; i++) {
                answers.add((i % 2 == 0 ? here : there).get("/v3/contact_lists"));
            }

            List<Api.Response> admitted =
                    answers.stream().filter(a -> a.status() == 200).toList();
            assertThat(admitted).as(answers.toString()).hasSize(PER_DAY);
            assertThat(answers.subList(0, PER_DAY))
                    .as("the first ones are admitted")
                    .isEqualTo(admitted);
            for (int i = 0; i < PER_DAY; i++) {
                assertThat(header(admitted.get(i), "RateLimit-Remaining"))
                        .as("one count for both")
                        .isEqualTo(PER_DAY - 1 - i);
            }
            for (Api.Response refused : answers.subList(PER_DAY, answers.size())) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
                assertThat(refused.error().get("error_key").asString()).isEqualTo("quota_exceeded");
                assertThat(header(refused, "RateLimit-Limit")).isEqualTo(PER_DAY);
                assertThat(header(refused, "RateLimit-Remaining")).isZero();
                assertThat(header(refused, "Retry-After")).isBetween(86_000L, 86_400L);
            }
        }
    }

    private static void onRedis(Consumer<RedisCommands<String, String>> work) {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            work.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
