package io.audience.feedback.provider;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Postmark's bounce, spam complaint and subscription change webhooks. Postmark signs nothing: its
 * webhook URL carries HTTP Basic credentials, which we compare with the ones we gave it.
 */
public final class PostmarkEvents {

    static final String SOURCE = "postmark";
    static final String NAME = "Postmark";

    private static final Set<String> HARD = Set.of("HardBounce", "BadEmailAddress");
    private static final Set<String> SOFT = Set.of("SoftBounce", "Transient", "DnsError", "Blocked");

    private PostmarkEvents() {}

    /**
     * Accepts only {@code Authorization: Basic} with exactly {@code user} and {@code secret}. Both
     * sides are hashed before the constant-time comparison, so neither length nor content leaks.
     */
    public static void authenticate(@Nullable String authorizationHeader, String user, String secret) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new BadSignature("Postmark webhook requests must carry Basic credentials");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorizationHeader.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw new BadSignature("the Basic credentials are not base64");
        }
        byte[] expected = (user + ":" + secret).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sha256(given), sha256(expected))) {
            throw new BadSignature("wrong Postmark webhook credentials");
        }
    }

    public static List<Feedback> parse(byte[] body) {
        JsonNode event = Json.object(Json.read(body, "the Postmark webhook body"), "the Postmark webhook body");
        String recordType = Json.text(event, "RecordType");
        return switch (recordType) {
            case "Bounce" -> bounce(event, kindOfBounce(Json.text(event, "Type")));
            case "SpamComplaint" -> bounce(event, Kind.COMPLAINT);
            case "SubscriptionChange" -> subscriptionChange(event);
            default -> List.of();
        };
    }

    /**
     * Dispatch on the Type name: Postmark's own sample and table disagree on TypeCode. Auto
     * responders, manual deactivations and the like are not reports about the address.
     */
    private static @Nullable Kind kindOfBounce(String type) {
        if (HARD.contains(type)) {
            return Kind.HARD_BOUNCE;
        }
        if (SOFT.contains(type)) {
            return Kind.SOFT_BOUNCE;
        }
        return type.equals("SpamComplaint") ? Kind.COMPLAINT : null;
    }

    private static List<Feedback> bounce(JsonNode event, @Nullable Kind kind) {
        if (kind == null) {
            return List.of();
        }
        String details = Json.optionalText(event, "Details");
        String diagnostic = details == null || details.isBlank() ? Json.optionalText(event, "Description") : details;
        return List.of(Reports.of(
                kind,
                Json.email(event, "Email"),
                SOURCE,
                NAME,
                Json.text(event, "ID"),
                mailId(event),
                null,
                diagnostic,
                Json.time(event, "BouncedAt")));
    }

    /** Broadcast streams report suppressions here; a manual suppression is an unsubscribe, not feedback. */
    private static List<Feedback> subscriptionChange(JsonNode event) {
        if (!event.path("SuppressSending").asBoolean(false)) {
            return List.of();
        }
        Kind kind = switch (String.valueOf(Json.optionalText(event, "SuppressionReason"))) {
            case "HardBounce" -> Kind.HARD_BOUNCE;
            case "SpamComplaint" -> Kind.COMPLAINT;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        return List.of(Reports.of(
                kind,
                Json.email(event, "Recipient"),
                SOURCE,
                NAME,
                Json.text(event, "MessageID") + "/SubscriptionChange",
                mailId(event),
                null,
                null,
                Json.time(event, "ChangedAt"),
                "suppression reason " + Json.text(event, "SuppressionReason")));
    }

    private static @Nullable UUID mailId(JsonNode event) {
        return Json.mailId(Json.optionalText(event.path("Metadata"), "audience_mail_id"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
