package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A sender of the generic feedback format: an endpoint of the account, and reports signed for it. */
final class GenericReports {

    private final String base;
    private final String endpointId;
    private final byte[] key;

    GenericReports(String base, Api account) {
        Api.Response made = account.post("/v3/feedback_endpoints", Api.object().put("provider", "generic"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        this.base = base;
        this.endpointId = made.json().get("endpoint_id").asString();
        this.key =
                Base64.getDecoder().decode(made.json().get("secret").asString().substring("whsec_".length()));
    }

    /** Posts one report ({@code type} hard_bounce, soft_bounce or complaint) and expects it recorded. */
    void report(String type, String email, String status, String diagnostic) throws Exception {
        String body = """
                {"type": "%s", "email": "%s", "occurred_at": "%s", "status": "%s", "diagnostic": "%s"}""".formatted(type, email, Instant.now(), status, diagnostic);
        String id = "msg_" + UUID.randomUUID();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signature = "v1,"
                + Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        Api.Response posted = new Api(base, null)
                .raw(
                        "POST",
                        "/feedback/" + endpointId,
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        signature);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("recorded").asInt()).isEqualTo(1);
    }
}
