package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.feedback.provider.SnsTestSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sending services' events (issue 17), replayed over HTTP from their documentation's samples:
 * each is taken only as its provider signs it, changes only its endpoint's account, and counts
 * once however often it is sent.
 */
class FeedbackProvidersIntegrationTest extends IntegrationTest {

    @Test
    void anSesBounceSignedBySnsOnAnAllowedTopicBouncesTheAddressOnce() throws Exception {
        Api api = newAccount();
        Api other = newAccount();
        String email = uniqueEmail("ses");
        createContact(api, email);
        createContact(other, email);
        JsonNode endpoint = endpoint(
                api,
                Api.object()
                        .put("provider", "ses")
                        .set("topic_arns", Api.JSON.createArrayNode().add(SnsTestSigner.TOPIC_ARN)));
        ObjectNode ses = fixture("ses/bounce-permanent.json");
        ((ObjectNode) ses.get("bounce").get("bouncedRecipients").get(0)).put("emailAddress", email);
        String messageId = UUID.randomUUID().toString();
        String signed = SnsTestSigner.notification(SnsTestSigner.TOPIC_ARN, messageId, ses.toString(), Instant.now());

        Api.Response first = post(endpoint, signed, "x-amz-sns-message-type", "Notification");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("recorded").asInt()).isEqualTo(1);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(address(api, email).get("bounce_reason").asString()).contains("5.1.1");
        assertThat(address(other, email).get("delivery_status").asString()).isEqualTo("deliverable");

        Api.Response again = post(endpoint, signed);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(db.fetchCount(db.selectFrom("feedback_event").where("email_key = ?", email)))
                .isEqualTo(1);

        String another = uniqueEmail("ses-tampered");
        createContact(api, another);
        ((ObjectNode) ses.get("bounce").get("bouncedRecipients").get(0)).put("emailAddress", another);
        Api.Response tampered = post(endpoint, signed.replace(email, another));
        assertThat(tampered.status()).as(tampered.toString()).isEqualTo(401);
        Api.Response otherTopic = post(
                endpoint,
                SnsTestSigner.notification(
                        "arn:aws:sns:us-east-1:123456789012:someone-else", ses.toString(), Instant.now()));
        assertThat(otherTopic.status()).as(otherTopic.toString()).isEqualTo(401);
        assertThat(address(api, another).get("delivery_status").asString()).isEqualTo("deliverable");

        // A subscription confirmation never makes us fetch an address off Amazon's SNS host.
        Api.Response ssrf = post(
                endpoint,
                SnsTestSigner.subscriptionConfirmation(
                        SnsTestSigner.TOPIC_ARN,
                        URI.create("http://127.0.0.1:" + port + "/v3/account"),
                        Instant.now()));
        assertThat(ssrf.status()).as(ssrf.toString()).isEqualTo(401);
        assertThat(ssrf.error().get("error_message").asString()).contains("SubscribeURL");
    }

    @Test
    void aPostmarkSpamComplaintWithItsBasicAuthIsThePersonsOptOut() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("postmark");
        createContact(api, email);
        JsonNode endpoint = endpoint(api, Api.object().put("provider", "postmark"));
        assertThat(endpoint.get("username").asString()).isEqualTo("audience");
        String secret = endpoint.get("secret").asString();
        ObjectNode complaint = fixture("postmark/spam-complaint.json").put("Email", email);

        Api.Response wrong = post(endpoint, complaint.toString(), "Authorization", basic("audience", secret + "x"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        assertThat(wrong.raw()).doesNotContain(secret);
        assertThat(post(endpoint, complaint.toString()).status()).isEqualTo(401);
        assertThat(address(api, email).get("permission_to_send").asString()).isEqualTo("implicit");

        Api.Response ok = post(endpoint, complaint.toString(), "Authorization", basic("audience", secret));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode address = address(api, email);
        assertThat(address.get("permission_to_send").asString()).isEqualTo("unsubscribed");
        assertThat(address.get("opt_out_source").asString()).isEqualTo("Contact");
        assertThat(api.get("/v3/feedback_endpoints/"
                                + endpoint.get("endpoint_id").asString())
                        .json()
                        .has("secret"))
                .as("the secret is shown once")
                .isFalse();
    }

    @Test
    void aMailgunFailureIsTakenOnlyWithItsHmacAndAFreshTimestamp() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("mailgun");
        createContact(api, email);
        String key = "key-" + UUID.randomUUID();
        JsonNode endpoint =
                endpoint(api, Api.object().put("provider", "mailgun").put("signing_key", key));
        ObjectNode event = fixture("mailgun/failed-permanent.json");
        ((ObjectNode) event.get("event-data")).put("recipient", email);

        sign(event, key, Instant.now().minusSeconds(3600));
        assertThat(post(endpoint, event.toString()).status()).as("an hour old").isEqualTo(401);
        sign(event, "key-someone-else", Instant.now());
        assertThat(post(endpoint, event.toString()).status()).as("another key").isEqualTo(401);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("deliverable");

        sign(event, key, Instant.now());
        Api.Response ok = post(endpoint, event.toString());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("bounced");
    }

    @Test
    void aSendGridBatchIsTakenOnlyWithItsEcdsaSignatureOverTheRawBody() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("sendgrid");
        createContact(api, email);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        JsonNode endpoint =
                endpoint(api, Api.object().put("provider", "sendgrid").put("public_key", publicKey));
        String body = json("sendgrid/events.json").toString().replace("example@test.com", email) + "\r\n";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());

        Api.Response forged = post(endpoint, body.replace("bounce", "bounced"), sendGrid(signature, timestamp));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        Api.Response ok = post(endpoint, body, sendGrid(signature, timestamp));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode address = address(api, email);
        assertThat(address.get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(address.get("opt_out_source").asString())
                .as("its spamreport")
                .isEqualTo("Contact");

        Api.Response badKey = api.post(
                "/v3/feedback_endpoints",
                Api.object().put("provider", "sendgrid").put("public_key", "not a key"));
        assertThat(badKey.status()).as(badKey.toString()).isEqualTo(400);
    }

    @Test
    void theGenericEndpointTakesOurOwnSignedJson() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("generic");
        createContact(api, email);
        Api.Response hook = api.post("/v3/webhooks", Api.json("""
                {"url": "http://127.0.0.1:9/hook", "events": ["delivery.bounced"]}"""));
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        JsonNode endpoint = endpoint(api, Api.object().put("provider", "generic"));
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        String body = """
                {"type": "soft_bounce", "email": "%s", "occurred_at": "%s", "status": "4.2.2", "diagnostic": "mailbox full"}""".formatted(email, Instant.now());
        String id = "msg_" + UUID.randomUUID();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        String signature = "v1,"
                + Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));

        Api.Response unsigned = post(endpoint, body, "webhook-id", id, "webhook-timestamp", timestamp);
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(401);
        Api.Response ok =
                post(endpoint, body, "webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(address(api, email).get("delivery_status").asString()).isEqualTo("soft_bounced");

        // Links and exports show it too, for the systems that send.
        String contactId = api.get("/v3/contacts?email=" + email)
                .json()
                .get("contacts")
                .get(0)
                .get("contact_id")
                .asString();
        assertThat(api.get("/v3/contacts/" + contactId + "/links")
                        .json()
                        .get("delivery_status")
                        .asString())
                .isEqualTo("soft_bounced");
        String exportBody = "{\"contact_ids\": [\"" + contactId + "\"], \"fields\": [\"email_address\","
                + " \"email_delivery_status\", \"email_bounce_reason\"]}";
        String results = api.post("/v3/activities/contact_exports", Api.json(exportBody))
                .json()
                .get("_links")
                .get("results")
                .get("href")
                .asString();
        assertThat(api.get(results, "Accept", "text/csv").raw().lines().toList())
                .containsExactly(
                        "email_address,email_delivery_status,email_bounce_reason",
                        "\"" + email + "\",\"soft_bounced\",\"4.2.2 mailbox full\"");

        // Subscribers hear of it as delivery.bounced, about the contact.
        String[] events = db.fetch(
                        "select payload from webhook_event where account_id = (select account_id from contact"
                                + " where email_key = ? and contact_id = ?::uuid) and type = 'delivery.bounced'",
                        email,
                        contactId)
                .getValues(0, String.class)
                .toArray(String[]::new);
        assertThat(events).hasSize(1);
        JsonNode bouncedEvent = Api.JSON.readTree(events[0]).get("data");
        assertThat(bouncedEvent.get("contact_id").asString()).isEqualTo(contactId);
        assertThat(bouncedEvent.get("bounce_type").asString()).isEqualTo("soft");
        assertThat(bouncedEvent.get("delivery_status").asString()).isEqualTo("soft_bounced");
    }

    @Test
    void anEndpointIsTheAccountsOwnAndBadDefinitionsAreRefused() {
        Api api = newAccount();
        Api other = newAccount();
        JsonNode endpoint =
                endpoint(api, Api.object().put("provider", "generic").put("description", "ESP"));
        String id = endpoint.get("endpoint_id").asString();
        assertThat(endpoint.get("url").asString()).endsWith("/feedback/" + id);

        assertThat(other.get("/v3/feedback_endpoints/" + id).status()).isEqualTo(404);
        assertThat(other.delete("/v3/feedback_endpoints/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v3/feedback_endpoints").json().get("feedback_endpoints"))
                .isEmpty();
        assertThat(api.get("/v3/feedback_endpoints").json().get("feedback_endpoints"))
                .hasSize(1);

        assertThat(api.post("/v3/feedback_endpoints", Api.object().put("provider", "sparkpost"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v3/feedback_endpoints", Api.object().put("provider", "ses"))
                        .status())
                .as("ses without topics")
                .isEqualTo(400);
        assertThat(api.post("/v3/feedback_endpoints", Api.object().put("provider", "mailgun"))
                        .status())
                .as("mailgun without its key")
                .isEqualTo(400);
        assertThat(new Api(baseUrl(), null)
                        .post("/feedback/" + UUID.randomUUID(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(new Api(baseUrl(), null).post("/feedback/not-an-id", "{}").status())
                .isEqualTo(404);

        assertThat(api.delete("/v3/feedback_endpoints/" + id).status()).isEqualTo(204);
        assertThat(new Api(baseUrl(), null).post("/feedback/" + id, "{}").status())
                .as("a deleted endpoint takes nothing")
                .isEqualTo(404);
    }

    private JsonNode endpoint(Api api, ObjectNode body) {
        Api.Response made = api.post("/v3/feedback_endpoints", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json();
    }

    private Api.Response post(JsonNode endpoint, String body, String... headers) {
        return new Api(baseUrl(), null)
                .raw(
                        "POST",
                        "/feedback/" + endpoint.get("endpoint_id").asString(),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        headers);
    }

    private static String[] sendGrid(String signature, String timestamp) {
        return new String[] {
            "X-Twilio-Email-Event-Webhook-Signature", signature, "X-Twilio-Email-Event-Webhook-Timestamp", timestamp
        };
    }

    private static void sign(ObjectNode mailgun, String key, Instant at) throws Exception {
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

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode fixture(String path) throws Exception {
        return (ObjectNode) json(path);
    }

    private static JsonNode json(String path) throws Exception {
        try (var in = FeedbackProvidersIntegrationTest.class.getResourceAsStream("/feedback/" + path)) {
            return Api.JSON.readTree(in);
        }
    }

    private static JsonNode address(Api api, String email) {
        JsonNode contacts =
                api.get("/v3/contacts?status=all&email=" + email).json().get("contacts");
        assertThat(contacts).hasSize(1);
        return contacts.get(0).get("email_address");
    }
}
