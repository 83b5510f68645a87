package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service killed (SIGKILL) after a change committed but before its webhook went out delivers
 * it after the restart: the event was written with the change, not held in memory.
 */
class WebhookRestartIntegrationTest {

    private static final String ADMIN = "webhook-restart-admin-token-of-the-test";

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
    void anEventCommittedBeforeASigkillIsDeliveredAfterTheRestart() throws Exception {
        Map<String, String> env = Map.of(
                "AUDIENCE_ADMIN_TOKEN", ADMIN,
                "AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                "AUDIENCE_WEBHOOKS_POLL_INTERVAL", "100ms",
                // A delivery sent just before the kill, whose result was never written, waits for its lease.
                "AUDIENCE_WEBHOOKS_LEASE", "20s");
        int port = ServiceProcess.freePort();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // Up, but answering 500: the change commits, its delivery cannot succeed before the kill.
            receiver.mode("fail");
            service = ServiceProcess.start(dataDir, port, env);
            Api admin = new Api("http://127.0.0.1:" + port, ADMIN);
            Api api = admin.withToken(admin.post("/admin/accounts", Api.object().put("name", "Killed"))
                    .json()
                    .get("api_token")
                    .asString());
            ObjectNode body = Api.object().put("url", receiver.url());
            body.putArray("events").add("contact.created");
            Api.Response hook = api.post("/v3/webhooks", body);
            assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
            receiver.secrets(hook.json().get("secret").asString());
            Api.Response contact = api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "killed@example.com"}, "create_source": "Account"}
                    """));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
            String contactId = contact.json().get("contact_id").asString();
            Thread.sleep(500);

            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long killedAt = System.currentTimeMillis();
            receiver.mode("ok");
            service = ServiceProcess.start(dataDir, port, env);

            List<WebhookReceiver.Delivery> got = receiver
                    .awaitReceived(all -> all.stream().anyMatch(d -> d.receivedAt() > killedAt), Duration.ofSeconds(90))
                    .stream()
                    .filter(d -> d.receivedAt() > killedAt)
                    .toList();
            assertThat(got).hasSize(1);
            assertThat(got.get(0).verified()).isTrue();
            assertThat(got.get(0).json().get("type").asString()).isEqualTo("contact.created");
            assertThat(got.get(0).json().get("data").get("contact_id").asString())
                    .isEqualTo(contactId);
        }
    }
}
