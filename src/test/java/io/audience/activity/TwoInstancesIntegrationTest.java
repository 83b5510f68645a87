package io.audience.activity;

import static io.audience.db.Tables.ACTIVITY;
import static io.audience.db.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.audience.Api;
import io.audience.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A second service instance, a separate JVM, on the test's database beside the test's own instance. */
class TwoInstancesIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private Process other;
    private Path otherDir;

    @AfterEach
    void stopTheOtherInstance() throws Exception {
        if (other != null) {
            other.destroy();
            if (!other.waitFor(60, TimeUnit.SECONDS)) {
                other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheImportsAndApplyEveryRowOnce() throws Exception {
        other = startOtherInstance();
        Api api = newAccount();
        String list = createList(api, "Shared by two instances");
        String domain = "@" + UUID.randomUUID() + ".two.example";
        int imports = 6;
        int perImport = 6_000;
        List<String> activities = new ArrayList<>();
        for (int n = 0; n < imports; n++) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < perImport; i++) {
                rows.append(i == 0 ? "" : ",").append("{\"email\": \"i").append(n).append('-').append(i)
                        .append(domain).append("\"}");
            }
            activities.add(api.post("/v3/activities/contacts_json_import",
                    "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}")
                    .json().get("activity_id").asString());
        }

        for (String activity : activities) {
            JsonNode done = await(api, activity);
            assertThat(done.get("status").get("items_completed_count").asInt()).isEqualTo(perImport);
            assertThat(done.get("status").get("person_count").asInt()).isEqualTo(perImport);
            assertThat(done.get("status").get("error_count").asInt()).isZero();
        }
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.like("%" + domain))).isEqualTo(imports * perImport);
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all").json()
                .get("membership_count").asInt()).isEqualTo(imports * perImport);
        assertThat(db.selectDistinct(ACTIVITY.LEASE_OWNER).from(ACTIVITY)
                .where(ACTIVITY.ACTIVITY_ID.in(activities.stream().map(UUID::fromString).toList()))
                .fetch(ACTIVITY.LEASE_OWNER))
                .as("both instances ran some of the imports").hasSizeGreaterThanOrEqualTo(2);
    }

    private Process startOtherInstance() throws IOException, InterruptedException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        otherDir = Files.createTempDirectory("audience-second-instance");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "io.audience.AudienceApplication");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("AUDIENCE_"));
        env.put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        if (hikari.getPassword() != null) {
            env.put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        env.put("AUDIENCE_DATA_DIR", otherDir.toString());
        env.put("AUDIENCE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("AUDIENCE_ACTIVITY_POLL_INTERVAL", "100ms");
        env.put("AUDIENCE_ACTIVITY_IMPORT_CHUNK_SIZE", "1000");
        env.put("AUDIENCE_ACTIVITY_LEASE", "5s");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(otherDir.toFile(), "service.log")));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("second instance exited; see " + otherDir.resolve("service.log")).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("second instance did not start; see " + otherDir.resolve("service.log"));
    }

    private static JsonNode await(Api api, String activity) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode body = api.get("/v3/activities/" + activity).json();
            if (body.get("state").asString().equals("completed")) {
                return body;
            }
            assertThat(Instant.now()).as(body.toString()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
