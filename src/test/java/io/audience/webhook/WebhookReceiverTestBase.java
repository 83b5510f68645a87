package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook test against a receiver in another process, which checks every signature with its own
 * code; each test's webhook posts to a path of its own, so tests never see each other's deliveries.
 */
abstract class WebhookReceiverTestBase extends IntegrationTest {

    static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    record Hook(NamedAccount account, String id, String secret, String path) {}

    /** A webhook of a new account to its own path of the receiver, so tests never see each other's deliveries. */
    Hook hook(String label, String... events) {
        return hook(namedAccount(label), label, events);
    }

    /** Another webhook of {@code account}, to a path of its own: it hears only what happens from now on. */
    Hook hook(NamedAccount account, String label, String... events) {
        String path = "/hook/" + UUID.randomUUID();
        ObjectNode body = Api.object()
                .put("url", receiver.url() + path.substring("/hook".length()))
                .put("description", label);
        var array = body.putArray("events");
        for (String event : events.length == 0 ? new String[] {"*"} : events) {
            array.add(event);
        }
        Api.Response created = account.api().post("/v3/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        receiver.secrets(secret);
        return new Hook(account, created.json().get("webhook_id").asString(), secret, path);
    }

    List<WebhookReceiver.Delivery> await(Hook hook, int count) {
        return receiver
                .awaitReceived(
                        all -> all.stream()
                                        .filter(d -> d.path().equals(hook.path()))
                                        .count()
                                >= count,
                        Duration.ofSeconds(30))
                .stream()
                .filter(d -> d.path().equals(hook.path()))
                .toList();
    }

    static JsonNode awaitLogged(Api api, String webhookId, String status) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            JsonNode log =
                    api.get("/v3/webhooks/" + webhookId + "/deliveries").json().get("deliveries");
            if (!log.isEmpty() && status.equals(log.get(0).get("status").asString())) {
                return log.get(0);
            }
            FormWait.pause(100);
        }
        throw new AssertionError("no delivery of " + webhookId + " became " + status);
    }

    /** Waiting without a busy loop. */
    static final class FormWait {
        static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
