package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.SlowRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Twenty uploads that trickle their bodies, more than the pool's 16 connections, hold none of them:
 * (the per-account limit is raised here so that all twenty get in) another account is answered as usual.
 */
@TestPropertySource(properties = "audience.transfers.uploads-per-account=20")
class SlowUploadsIntegrationTest extends IntegrationTest {

    private static final String BOUNDARY = "----slow-boundary";

    @Test
    void twentySlowUploadsOfOneAccountDoNotStarveAnotherAccountsLookups() throws Exception {
        Api a = newAccount();
        String list = createList(a, "Slow");
        Api b = newAccount();
        String email = uniqueEmail("lookup");
        createContact(b, email);

        List<SlowRequest> uploads = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 20; i++) {
                SlowRequest upload;
                if (i % 2 == 0) {
                    upload = new SlowRequest(
                            port,
                            "POST",
                            "/v3/activities/contacts_json_import",
                            "Authorization",
                            "Bearer " + a.token(),
                            "Content-Type",
                            "application/json",
                            "Content-Length",
                            "1000000");
                    upload.send("{\"list_ids\": [\"" + list + "\"], \"import_data\": [{\"email\": \"x" + i
                            + "@slow.example\"}");
                } else {
                    upload = new SlowRequest(
                            port,
                            "POST",
                            "/v3/activities/contacts_file_import",
                            "Authorization",
                            "Bearer " + a.token(),
                            "Content-Type",
                            "multipart/form-data; boundary=" + BOUNDARY,
                            "Transfer-Encoding",
                            "chunked");
                    upload.send(chunk("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"list_ids\"\r\n\r\n"
                            + list + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                            + " filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\nemail\r\n"));
                }
                uploads.add(upload);
            }
            // A send that fails just ends the trickle: what is measured below is the lookups.
            Future<?> unused = trickle.scheduleAtFixedRate(
                    () -> {
                        for (int i = 0; i < uploads.size(); i++) {
                            try {
                                uploads.get(i).send(i % 2 == 0 ? " " : chunk("x"));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    },
                    200,
                    200,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(2000);

            for (int i = 0; i < 30; i++) {
                Instant start = Instant.now();
                Api.Response found = b.get("/v3/contacts?email=" + email);
                Duration took = Duration.between(start, Instant.now());
                assertThat(found.status()).as(found.toString()).isEqualTo(200);
                assertThat(found.json().get("contacts")).hasSize(1);
                assertThat(took).as("lookup " + i).isLessThan(Duration.ofSeconds(1));
            }
            assertThat(db.fetchSingle(
                                    "select count(*) from pg_stat_activity where datname = current_database()"
                                            + " and state <> 'idle' and (state like 'idle in transaction%' or query like 'COPY import_row%')")
                            .get(0, Integer.class))
                    .as("no upload holds a transaction or a COPY open while it waits for bytes")
                    .isZero();
        } finally {
            trickle.shutdownNow();
            for (SlowRequest upload : uploads) {
                upload.close();
            }
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + "\r\n" + text
                + "\r\n";
    }
}
