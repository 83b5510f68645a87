package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
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
            rows.append(i == 0 ? "" : ",")
                    .append("{\"email\": \"")
                    .append(prefix)
                    .append(i)
                    .append("@example.com\"}");
        }
        JsonNode done;
        int killed;
        // Longer than the retries of one chunk last (about 3 s of backoff).
        try (ChunkBackendKiller killer = ChunkBackendKiller.killingFor(db, TROUBLE)) {
            Api.Response accepted = api.post(
                    "/v3/activities/contacts_json_import",
                    "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
            done = awaitCompleted(api, accepted.json().get("activity_id").asString(), Duration.ofMinutes(3));
            killed = killer.killed();
        }

        assertThat(killed)
                .as("more chunk attempts were terminated than one chunk is retried")
                .isGreaterThan(TransientFailures.MAX_ATTEMPTS);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("status").get("items_completed_count").asInt()).isEqualTo(ROWS);
        assertThat(done.get("status").get("error_count").asInt()).isZero();
        assertThat(db.fetchValue("select count(*)::int from contact where email_key like ?", prefix + "%"))
                .isEqualTo(ROWS);
    }
}
