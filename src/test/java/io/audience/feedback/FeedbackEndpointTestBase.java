package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A test of the endpoints the sending services post their events to, with their recorded samples. */
abstract class FeedbackEndpointTestBase extends IntegrationTest {

    JsonNode endpoint(Api api, ObjectNode body) {
        Api.Response made = api.post("/v3/feedback_endpoints", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json();
    }

    Api.Response post(JsonNode endpoint, String body, String... headers) {
        return new Api(baseUrl(), null)
                .raw(
                        "POST",
                        "/feedback/" + endpoint.get("endpoint_id").asString(),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        headers);
    }

    static String[] sendGrid(String signature, String timestamp) {
        return new String[] {
            "X-Twilio-Email-Event-Webhook-Signature", signature, "X-Twilio-Email-Event-Webhook-Timestamp", timestamp
        };
    }

    static void sign(ObjectNode mailgun, String key, Instant at) throws Exception {
        String timestamp = String.valueOf(at.getEpochSecond());
        String token = UUID.randomUUID().toString().replace("-", "");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        ObjectNode signature = (ObjectNode) mailgun.get("signature");
        signature.put("timestamp", timestamp);
        signature.put("token", token);
        signature.put(
                "signature",
                HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8))));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode fixture(String path) throws Exception {
        return (ObjectNode) json(path);
    }

    static JsonNode json(String path) throws Exception {
        try (var in = FeedbackEndpointTestBase.class.getResourceAsStream("/feedback/" + path)) {
            return Api.JSON.readTree(in);
        }
    }

    static JsonNode address(Api api, String email) {
        JsonNode contacts =
                api.get("/v3/contacts?status=all&email=" + email).json().get("contacts");
        assertThat(contacts).hasSize(1);
        return contacts.get(0).get("email_address");
    }
}
