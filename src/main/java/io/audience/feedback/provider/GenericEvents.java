package io.audience.feedback.provider;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Audience's own format for any other sender, signed as Standard Webhooks define it: the same
 * {@code whsec_} secrets and {@code v1,} signatures Audience puts on its outgoing webhooks (the
 * same library signs both), verified against an injected clock.
 */
public final class GenericEvents {

    static final String SOURCE = "generic";
    static final String NAME = "a generic webhook";

    private GenericEvents() {}

    public static void verify(
            String secret,
            @Nullable String id,
            @Nullable String timestamp,
            @Nullable String signatures,
            byte[] body,
            Clock clock) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            throw new BadSignature("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        Instant signedAt = Freshness.epochSeconds(timestamp, "webhook-timestamp");
        byte[] expected = sign(secret, id, signedAt.getEpochSecond(), new String(body, StandardCharsets.UTF_8));
        boolean matched = false;
        // Several signatures during a secret's rotation; check them all, so timing says nothing of which.
        for (String signature : signatures.trim().split(" +")) {
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        }
        if (!matched) {
            throw new BadSignature("no webhook-signature matches");
        }
        Freshness.within(signedAt, clock, Freshness.SKEW, "webhook-timestamp");
    }

    /** One report or an array of them; each report's id defaults to the webhook id (with its index). */
    public static List<Feedback> parse(byte[] body, String webhookId) {
        JsonNode root = Json.read(body, "the webhook body");
        List<JsonNode> events = root.isArray() ? List.copyOf(root.values()) : List.of(root);
        Json.capped(events.size());
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = Json.object(events.get(i), "each report");
            String id = Json.optionalText(event, "id");
            feedback.add(Reports.of(
                    kind(Json.text(event, "type")),
                    Json.email(event, "email"),
                    SOURCE,
                    NAME,
                    id != null && !id.isBlank() ? id : root.isArray() ? webhookId + "/" + i : webhookId,
                    mailId(Json.optionalText(event, "mail_id")),
                    Json.optionalText(event, "status"),
                    Json.optionalText(event, "diagnostic"),
                    Json.time(event, "occurred_at")));
        }
        return feedback;
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "hard_bounce" -> Kind.HARD_BOUNCE;
            case "soft_bounce" -> Kind.SOFT_BOUNCE;
            case "complaint" -> Kind.COMPLAINT;
            default -> throw new BadPayload("type must be hard_bounce, soft_bounce or complaint");
        };
    }

    /** Our own format, so a malformed mail_id is the sender's mistake, reported rather than dropped. */
    private static @Nullable UUID mailId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        UUID id = Json.mailId(value);
        if (id == null) {
            throw new BadPayload("mail_id must be a UUID");
        }
        return id;
    }

    private static byte[] sign(String secret, String id, long seconds, String payload) {
        Webhook webhook;
        try {
            webhook = new Webhook(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret must be whsec_ and base64", e);
        }
        try {
            return webhook.sign(id, seconds, payload).getBytes(StandardCharsets.UTF_8);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("the webhook secret does not sign", e);
        }
    }
}
