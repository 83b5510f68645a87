package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.SlowRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** At most two uploads and two downloads of one account at once; the others are not held up. */
class TransferLimitsIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aThirdConcurrentUploadOfOneAccountIs429WhileAnotherAccountsUploadIsAccepted() throws Exception {
        Api a = newAccount();
        String listOfA = createList(a, "A");
        List<SlowRequest> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                slow.add(slowJsonImport(a, listOfA));
            }
            Thread.sleep(1500);
            Api.Response third = a.post("/v3/activities/contacts_json_import", importOf(uniqueEmail("third"), listOfA));
            assertThat(third.status()).as(third.toString()).isEqualTo(429);
            assertThat(third.error().get("error_key").asString()).isEqualTo("too_many_requests");
            assertThat(third.error().get("error_message").asString()).contains("2 uploads");
            assertThat(third.header("Retry-After")).hasValue("5");
            Api.Response csv = FileImportIntegrationTest.upload(a, "email\n" + uniqueEmail("csv") + "\n", listOfA);
            assertThat(csv.status()).as("the CSV import shares the slots").isEqualTo(429);

            Api b = newAccount();
            Api.Response other =
                    b.post("/v3/activities/contacts_json_import", importOf(uniqueEmail("b"), createList(b, "B")));
            assertThat(other.status()).as(other.toString()).isEqualTo(201);
        } finally {
            for (SlowRequest request : slow) {
                request.close();
            }
        }
        Thread.sleep(500);
        Api.Response afterwards =
                a.post("/v3/activities/contacts_json_import", importOf(uniqueEmail("later"), listOfA));
        assertThat(afterwards.status())
                .as("slots are freed when the uploads end")
                .isEqualTo(201);
    }

    @Test
    void aSlowExportReaderHoldsNoConnectionAndAThirdDownloadIs429() throws Exception {
        Api a = newAccount();
        seedContacts(a, "many", "export.example", 120_000);
        String results = a.post("/v3/activities/contact_exports", Api.json("{}"))
                .json()
                .get("_links")
                .get("results")
                .get("href")
                .asString();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<SlowRequest> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                SlowRequest reader = new SlowRequest(
                        port, "GET", results, "Authorization", "Bearer " + token(a), "Accept", "text/csv");
                readers.add(reader);
                assertThat(reader.status()).isEqualTo(200);
                reader.answer().readNBytes(100);
            }
            Thread.sleep(1000);
            assertThat(db.fetchSingle("select count(*) from pg_stat_activity where query like 'COPY (%'"
                                    + " and state <> 'idle'")
                            .get(0, Integer.class))
                    .as("two exports are being read, slowly, and no COPY is running or waiting for them")
                    .isZero();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThan(pool.getMaximumPoolSize());
            Api.Response third = a.get(results, "Accept", "text/csv");
            assertThat(third.status()).as(third.toString()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isPresent();
            Api.Response report = a.get(results.replace("/v3/contact_exports/", "/v3/activities/") + "/report");
            assertThat(report.status()).as("a report is a download too").isEqualTo(429);

            Api b = newAccount();
            String ofB = b.post("/v3/activities/contact_exports", Api.json("{}"))
                    .json()
                    .get("_links")
                    .get("results")
                    .get("href")
                    .asString();
            assertThat(b.get(ofB, "Accept", "text/csv").status()).isEqualTo(200);
        } finally {
            for (SlowRequest reader : readers) {
                reader.close();
            }
        }
    }

    private SlowRequest slowJsonImport(Api api, String list) throws IOException {
        SlowRequest request = new SlowRequest(
                port,
                "POST",
                "/v3/activities/contacts_json_import",
                "Authorization",
                "Bearer " + token(api),
                "Content-Type",
                "application/json",
                "Content-Length",
                "100000");
        request.send("{\"list_ids\": [\"" + list + "\"], \"import_data\": [");
        return request;
    }

    private static String importOf(String email, String list) {
        return "{\"import_data\": [{\"email\": \"" + email + "\"}], \"list_ids\": [\"" + list + "\"]}";
    }

    static String token(Api api) {
        return api.token();
    }
}
