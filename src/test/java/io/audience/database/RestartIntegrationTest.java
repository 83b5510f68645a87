package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the service as a separate process on the embedded PostgreSQL, as a user would, and kills it:
 * committed data must survive, and the next start must neither fail on nor attach to the orphan.
 */
class RestartIntegrationTest {

    private static final String ADMIN = "restart-admin-token-of-the-restart-test";

    private final Path dataDir =
            Path.of("target", "restart-data", UUID.randomUUID().toString()).toAbsolutePath();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void committedDataSurvivesSigkillAndAGracefulRestart() throws Exception {
        int port = freePort();
        service = start(port);
        Api admin = new Api("http://127.0.0.1:" + port, ADMIN);
        String token = admin.post("/admin/accounts", Api.object().put("name", "Durable"))
                .json()
                .get("api_token")
                .asString();
        Api api = admin.withToken(token);
        String beforeKill = created(api, "before-kill@example.com");

        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long orphan = postmasterPid();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("postgres outlives a SIGKILL")
                .contains(true);

        service = start(port);
        api = new Api("http://127.0.0.1:" + port, token);
        assertThat(lookup(api, "before-kill@example.com")).isEqualTo(beforeKill);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("orphan stopped")
                .isFalse();
        long second = postmasterPid();
        assertThat(second).isNotEqualTo(orphan);
        String afterKill = created(api, "after-kill@example.com");

        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        waitUntilGone(second);

        service = start(port);
        assertThat(lookup(api, "before-kill@example.com")).isEqualTo(beforeKill);
        assertThat(lookup(api, "after-kill@example.com")).isEqualTo(afterKill);
    }

    @Test
    void withoutSmtpMailStaysQueuedForTheOperatorAndNeitherItsLinkNorItsAddressIsLogged() throws Exception {
        int port = freePort();
        service = start(port);
        Api admin = new Api("http://127.0.0.1:" + port, ADMIN);
        Api api = admin.withToken(admin.post("/admin/accounts", Api.object().put("name", "No SMTP"))
                .json()
                .get("api_token")
                .asString());
        assertThat(api.put("/v3/account/settings", Api.json("{\"confirmed_opt_in\": true}"))
                        .status())
                .isEqualTo(200);
        String list = api.post("/v3/contact_lists", Api.json("{\"name\": \"Queued\"}"))
                .json()
                .get("list_id")
                .asString();

        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "queued@example.com", "list_memberships": ["%s"]}
                """.formatted(list)));

        assertThat(signUp.status()).isEqualTo(201);
        var mails = admin.get("/admin/outbox").json().get("mails");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("status").asString()).isEqualTo("pending");
        String link = mails.get(0).get("action_url").asString();
        assertThat(link).startsWith("http://localhost:" + port + "/confirm/");
        String logged = Files.readString(dataDir.resolve("service.log"));
        assertThat(logged)
                .contains("stays queued (GET /admin/outbox)")
                .doesNotContain(link)
                .doesNotContain(link.substring(link.indexOf("/confirm/")))
                .doesNotContain("queued@example.com");
        assertThat(new Api("http://127.0.0.1:" + port, null)
                        .get(link.substring(link.indexOf("/confirm/")), "Accept", "text/html")
                        .status())
                .isEqualTo(200);
    }

    private static String created(Api api, String email) {
        Api.Response response = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("contact_id").asString();
    }

    private static String lookup(Api api, String email) {
        Api.Response response = api.get("/v3/contacts?email=" + email);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("contacts").get(0).get("contact_id").asString();
    }

    @Test
    void anImportKilledMidwayResumesAfterRestartAndCountsEveryRowOnce() throws Exception {
        int port = freePort();
        Map<String, String> quickLease =
                Map.of("AUDIENCE_ACTIVITY_LEASE", "3s", "AUDIENCE_ACTIVITY_IMPORT_CHUNK_SIZE", "250");
        service = start(port, quickLease);
        Api admin = new Api("http://127.0.0.1:" + port, ADMIN);
        String token = admin.post("/admin/accounts", Api.object().put("name", "Killed"))
                .json()
                .get("api_token")
                .asString();
        Api api = admin.withToken(token);
        String list = api.post("/v3/contact_lists", Api.json("{\"name\": \"Import\"}"))
                .json()
                .get("list_id")
                .asString();
        int total = 16_000;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < total; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"email\": \"k").append(i).append("@killed.example\"}");
        }
        String activity = api.post(
                        "/v3/activities/contacts_json_import",
                        "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}")
                .json()
                .get("activity_id")
                .asString();

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int before;
        do {
            Thread.sleep(50);
            before = api.get("/v3/activities/" + activity)
                    .json()
                    .get("status")
                    .get("items_completed_count")
                    .asInt();
            assertThat(Instant.now()).isBefore(deadline);
        } while (before < 2_000);
        assertThat(before).as("killed midway").isLessThan(total);
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        service = start(port, quickLease);
        api = new Api("http://127.0.0.1:" + port, token);
        var status = api.get("/v3/activities/" + activity).json();
        deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!status.get("state").asString().equals("completed")) {
            assertThat(Instant.now()).as(status.toString()).isBefore(deadline);
            Thread.sleep(200);
            status = api.get("/v3/activities/" + activity).json();
        }
        assertThat(status.get("status").get("items_completed_count").asInt()).isEqualTo(total);
        assertThat(status.get("status").get("person_count").asInt()).isEqualTo(total);
        assertThat(status.get("status").get("error_count").asInt()).isZero();
        assertThat(api.get("/v3/contacts?status=all&include_count=true&limit=1")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .as("no contact twice")
                .isEqualTo(total);
        var report = api.get("/v3/activities/" + activity + "/report").json().get("rows");
        assertThat(report).hasSize(total);
        report.forEach(row -> assertThat(row.get("outcome").asString()).isEqualTo("created"));
    }

    private Process start(int port) throws IOException, InterruptedException {
        return start(port, Map.of());
    }

    private Process start(int port, Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("AUDIENCE_ADMIN_TOKEN", ADMIN);
        return ServiceProcess.start(dataDir, port, env);
    }

    private long postmasterPid() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    private static void waitUntilGone(long pid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(Instant.now()).as("postgres stops with the service").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        return ServiceProcess.freePort();
    }
}
