package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.feedback.provider.SnsTestSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sending services' events (issue 17), replayed over HTTP from their documentation's samples:
 * each is taken only as its provider signs it, changes only its endpoint's account, and counts
 * once however often it is sent.
 */
class FeedbackProvidersIntegrationTest extends FeedbackEndpointTestBase {

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
}
