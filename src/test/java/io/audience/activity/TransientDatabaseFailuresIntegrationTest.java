package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An import whose chunks lose their database connection mid-way still completes, with every row. */
class TransientDatabaseFailuresIntegrationTest extends IntegrationTest {

    private static final int ROWS = 20_000;

    @Test
    void anImportWhoseChunksHaveTheirBackendsKilledCompletesWithEveryRow() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Resilient");
        String prefix = "tdf-" + UUID.randomUUID().toString().substring(0, 8) + "-";
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
        try (ChunkBackendKiller killer = ChunkBackendKiller.killing(db, 2)) {
            Api.Response accepted = api.post(
                    "/v3/activities/contacts_json_import",
                    "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
            done = awaitCompleted(api, accepted.json().get("activity_id").asString(), Duration.ofMinutes(3));
            killed = killer.killed();
        }

        assertThat(killed).as("backends of the import's chunks were terminated").isPositive();
        assertThat(done.get("state").asString()).isEqualTo("completed");
        JsonNode status = done.get("status");
        assertThat(status.get("items_completed_count").asInt()).isEqualTo(ROWS);
        assertThat(status.get("person_count").asInt()).isEqualTo(ROWS);
        assertThat(status.get("error_count").asInt()).isZero();
        assertThat(db.fetchValue("select count(*)::int from contact where email_key like ?", prefix + "%"))
                .isEqualTo(ROWS);
        assertThat(db.fetchValue("select count(*)::int from list_membership where list_id = ?::uuid", list))
                .isEqualTo(ROWS);
    }
}
