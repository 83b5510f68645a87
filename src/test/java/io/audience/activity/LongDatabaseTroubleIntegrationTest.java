package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Database trouble that outlasts every retry of a chunk pauses the import instead of failing it:
 * once the trouble is over and the lease has run out, a worker takes it up and it completes.
 */
@TestPropertySource(properties = "audience.activity.lease=3s")
class LongDatabaseTroubleIntegrationTest extends IntegrationTest {

    private static final int ROWS = 20_000;
    private static final Duration TROUBLE = Duration.ofSeconds(8);

    @Test
    void anImportWhoseChunksFailForLongerThanEveryRetryIsResumedAndCompletesWithEveryRow() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Patient");
        String prefix = "ldt-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"email\": \"").append(prefix).append(i).append("@example.com\"}");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger killed = new AtomicInteger();
        Thread killer = new Thread(() -> {
            long until = Long.MAX_VALUE;
            // Every backend running a chunk of an import (ImportChunks reads "activity_item i") is
            // terminated, for longer than the retries of one chunk last (about 3 s of backoff).
            while (!stop.get() && System.nanoTime() < until) {
                Object n = db.fetchValue("""
                        select count(*)::int from (
                          select pg_terminate_backend(pid) from pg_stat_activity
                          where datname = current_database() and pid <> pg_backend_pid()
                            and state in ('active', 'idle in transaction') and query like '%activity_item i %'
                            and query not like '%pg_terminate_backend%') t""");
                int now = n == null ? 0 : ((Number) n).intValue();
                if (now > 0 && killed.getAndAdd(now) == 0) {
                    until = System.nanoTime() + TROUBLE.toNanos();
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "backend-killer");
        killer.start();
        JsonNode done;
        try {
            Api.Response accepted = api.post("/v3/activities/contacts_json_import", "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
            done = awaitEnded(api, accepted.json().get("activity_id").asString());
        } finally {
            stop.set(true);
            killer.join();
        }

        assertThat(killed.get()).as("more chunk attempts were terminated than one chunk is retried")
                .isGreaterThan(TransientFailures.MAX_ATTEMPTS);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("status").get("items_completed_count").asInt()).isEqualTo(ROWS);
        assertThat(done.get("status").get("error_count").asInt()).isZero();
        assertThat(db.fetchValue("select count(*)::int from contact where email_key like ?", prefix + "%"))
                .isEqualTo(ROWS);
    }

    /** Until the activity completed or failed (a failed one ends the test at once). */
    private static JsonNode awaitEnded(Api api, String activity) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode body = api.get("/v3/activities/" + activity).json();
            String state = body.get("state").asString();
            if (state.equals("completed") || state.equals("failed")) {
                return body;
            }
            assertThat(System.nanoTime()).as(body.toString()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
