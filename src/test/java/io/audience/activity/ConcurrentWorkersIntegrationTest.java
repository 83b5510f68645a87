package io.audience.activity;

import static io.audience.db.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/** Several workers (as several service instances would run) share the queue; none applies a row twice. */
class ConcurrentWorkersIntegrationTest extends IntegrationTest {

    @Autowired
    ActivityRepository store;

    @Autowired
    List<ActivityProcessor> processors;

    @Autowired
    List<ChunkProcessor> chunkProcessors;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ActivityCompletions completions;

    @Autowired
    ActivityMetrics metrics;

    @Test
    void competingWorkersApplyEveryRowExactlyOnce() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Shared");
        List<String> activities = new ArrayList<>();
        int perImport = 300;
        for (int n = 0; n < 3; n++) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < perImport; i++) {
                rows.append(i == 0 ? "" : ",")
                        .append("{\"email\": \"w")
                        .append(n)
                        .append('-')
                        .append(i)
                        .append("@workers.example\"}");
            }
            activities.add(api.post(
                            "/v3/activities/contacts_json_import",
                            "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}")
                    .json()
                    .get("activity_id")
                    .asString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                ActivityWorker worker = new ActivityWorker(
                        store,
                        processors,
                        chunkProcessors,
                        transactions,
                        50,
                        50,
                        2,
                        Duration.ofSeconds(30),
                        Clock.systemUTC(),
                        completions,
                        metrics);
                workers.add(pool.submit(worker::runDue));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String activity : activities) {
            JsonNode status = awaitCompleted(api, activity, Duration.ofMinutes(2));
            assertThat(status.get("status").get("items_completed_count").asInt())
                    .isEqualTo(perImport);
            assertThat(status.get("status").get("person_count").asInt()).isEqualTo(perImport);
        }
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.like("%@workers.example")))
                .isEqualTo(3 * perImport);
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(3 * perImport);
    }
}
