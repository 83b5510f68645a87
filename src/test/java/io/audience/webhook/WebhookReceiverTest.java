package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.standardwebhooks.Webhook;
import io.audience.webhook.WebhookReceiver.Delivery;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver the webhook tests deliver to, checked against the Standard Webhooks library as signer. */
class WebhookReceiverTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static WebhookReceiver receiver;

    private final String secret = secret();

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void resetReceiver() {
        receiver.mode("ok");
        receiver.secrets(secret);
        receiver.clear();
    }

    @Test
    void aDeliverySignedWithTheSecretIsRecordedAsVerified() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long timestamp = now();
        String body = "{\"type\":\"contact.created\",\"data\":{\"email\":\"ana@example.com\"}}";

        int status = post(id, timestamp, body, new Webhook(secret).sign(id, timestamp, body));

        assertThat(status).isEqualTo(204);
        Delivery delivery = receiver.received().get(0);
        assertThat(delivery.verified()).isTrue();
        assertThat(delivery.id()).isEqualTo(id);
        assertThat(delivery.timestamp()).isEqualTo(timestamp);
        assertThat(delivery.body()).isEqualTo(body);
        assertThat(delivery.path()).isEqualTo("/hook");
        assertThat(delivery.json().path("data").path("email").asString()).isEqualTo("ana@example.com");
        assertThat(delivery.receivedAt()).isCloseTo(System.currentTimeMillis(), within(10_000L));
    }

    @Test
    void aTamperedBodyIsNotVerified() throws Exception {
        String id = "msg_tampered";
        long timestamp = now();
        String signature = new Webhook(secret).sign(id, timestamp, "{\"amount\":1}");

        post(id, timestamp, "{\"amount\":100}", signature);

        assertThat(receiver.received())
                .singleElement()
                .extracting(Delivery::verified)
                .isEqualTo(false);
    }

    @Test
    void aSignatureWithASecretTheReceiverDoesNotHoldIsNotVerified() throws Exception {
        String id = "msg_other";
        long timestamp = now();
        String body = "{}";

        post(id, timestamp, body, new Webhook(secret()).sign(id, timestamp, body));

        assertThat(receiver.received())
                .singleElement()
                .extracting(Delivery::verified)
                .isEqualTo(false);
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsNotVerified() throws Exception {
        String body = "{}";
        long old = now() - 301;
        long ahead = now() + 301;
        long recent = now() - 240;

        post("msg_old", old, body, new Webhook(secret).sign("msg_old", old, body));
        post("msg_ahead", ahead, body, new Webhook(secret).sign("msg_ahead", ahead, body));
        post("msg_recent", recent, body, new Webhook(secret).sign("msg_recent", recent, body));

        assertThat(receiver.received()).extracting(Delivery::verified).containsExactly(false, false, true);
    }

    @Test
    void duringARotationASignatureByEitherSecretVerifies() throws Exception {
        String next = secret();
        receiver.secrets(secret, next);
        String id = "msg_rotating";
        long timestamp = now();
        String body = "{\"rotating\":true}";
        String both = new Webhook(secret).sign(id, timestamp, body) + " " + new Webhook(next).sign(id, timestamp, body);

        post(id, timestamp, body, both);
        receiver.secrets(next);
        post(id, timestamp, body, both);
        post(id, timestamp, body, new Webhook(secret).sign(id, timestamp, body));

        assertThat(both.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        assertThat(receiver.received()).extracting(Delivery::verified).containsExactly(true, true, false);
    }

    @Test
    void aStoppedReceiverRefusesConnectionsAndStartsAgainOnTheSamePortWithWhatItHad() throws Exception {
        String body = "{\"n\":1}";
        long timestamp = now();
        post("msg_before", timestamp, body, new Webhook(secret).sign("msg_before", timestamp, body));
        int port = receiver.port();

        receiver.stop();

        assertThatThrownBy(() -> post("msg_down", timestamp, body, "v1,x")).isInstanceOf(ConnectException.class);
        assertThat(receiver.received()).extracting(Delivery::id).containsExactly("msg_before");

        receiver.start();

        assertThat(receiver.port()).isEqualTo(port);
        post("msg_after", timestamp, body, new Webhook(secret).sign("msg_after", timestamp, body));
        assertThat(receiver.received())
                .extracting(Delivery::id, Delivery::verified)
                .containsExactly(tuple("msg_before", true), tuple("msg_after", true));
    }

    @Test
    void theModeDecidesTheAnswer() throws Exception {
        long timestamp = now();
        receiver.mode("fail");
        assertThat(post("msg_fail", timestamp, "{}", "v1,x")).isEqualTo(500);
        receiver.mode("410");
        assertThat(post("msg_gone", timestamp, "{}", "v1,x")).isEqualTo(410);
        receiver.mode("ok");
        assertThat(post("msg_ok", timestamp, "{}", "v1,x")).isEqualTo(204);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aSlowReceiverRecordsTheDeliveryButKeepsTheAnswerBack() {
        receiver.mode("slow");
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(receiver.awaitReceived(deliveries -> deliveries.size() == 1, Duration.ofSeconds(5)))
                .singleElement()
                .extracting(Delivery::verified)
                .isEqualTo(false);
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> receiver.mode("sometimes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receiver.secrets("not-a-secret")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int post(String id, long timestamp, String body, String signature)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .timeout(Duration.ofSeconds(5))
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String secret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
