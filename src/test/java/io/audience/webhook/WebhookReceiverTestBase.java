package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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

    /**
     * Every delivery to the hook once {@code count} arrived (up to 90 s, an import's rows are made
     * into events as the endpoint takes them), after a second more for any that should not come.
     */
    List<WebhookReceiver.Delivery> awaitAll(Hook hook, int count) {
        receiver.awaitReceived(
                all -> all.stream().filter(d -> d.path().equals(hook.path())).count() >= count, Duration.ofSeconds(90));
        FormWait.pause(1000);
        return await(hook, count);
    }

    /**
     * With the receiver down, {@code importing} runs an import to its end, whose last rows then
     * wait in a batch (the tests' window is 5 deliveries), and answers two of its contacts: the
     * first (of {@code changedEmail}) is then changed through the API, the second erased.
     */
    List<String> changeAndEraseWhileTheImportWaits(
            NamedAccount account, Supplier<List<String>> importing, String changedEmail) {
        Api api = account.api();
        receiver.stop();
        try {
            List<String> contacts = importing.get();
            String changed = contacts.get(0);
            String erased = contacts.get(1);
            FormWait.pause(500);
            assertThat(rowsWaiting(account))
                    .as("with the endpoint down, the import's last rows are not made into events (window of 5)")
                    .isGreaterThanOrEqualTo(2);
            Api.Response put = api.put("/v3/contacts/" + changed, Api.json("""
                    {"email_address": {"address": "%s"}, "first_name": "Changed", "update_source": "Account"}
                    """.formatted(changedEmail)));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(api.post("/v3/contacts/" + erased + "/erase", Api.object())
                            .status())
                    .isEqualTo(204);
            return contacts;
        } finally {
            receiver.start();
        }
    }

    /** The account's import rows not yet made into events. */
    long rowsWaiting(NamedAccount account) {
        return db.fetchSingle(
                        "select coalesce(sum(item_to - next_item), 0)::bigint from webhook_batch where account_id = ?",
                        UUID.fromString(account.id()))
                .get(0, long.class);
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
