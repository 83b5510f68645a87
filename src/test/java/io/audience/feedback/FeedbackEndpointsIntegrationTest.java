package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The generic endpoint takes our own signed JSON; an account's endpoints are its own, and a bad
 * definition is refused with a clear error.
 */
class FeedbackEndpointsIntegrationTest extends FeedbackEndpointTestBase {

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
}
