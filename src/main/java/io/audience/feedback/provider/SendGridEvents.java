package io.audience.feedback.provider;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * SendGrid's signed Event Webhook: an ECDSA P-256 signature over the timestamp header followed by
 * the raw body (never a re-serialized one), and a JSON array of events.
 */
public final class SendGridEvents {

    static final String SOURCE = "sendgrid";
    static final String NAME = "SendGrid";

    private SendGridEvents() {}

    /** The verification key as SendGrid shows it (base64 DER, no PEM armour); rejects anything else. */
    public static PublicKey publicKey(String base64Der) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the SendGrid verification key must be base64 DER (SubjectPublicKeyInfo), as SendGrid shows it", e);
        }
        if (!(key instanceof ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("the SendGrid verification key must be an EC P-256 key");
        }
        return key;
    }

    public static void verify(
            PublicKey key,
            @Nullable String signatureHeader,
            @Nullable String timestampHeader,
            byte[] body,
            Clock clock) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new BadSignature("missing X-Twilio-Email-Event-Webhook-Signature");
        }
        if (timestampHeader == null || timestampHeader.isBlank()) {
            throw new BadSignature("missing X-Twilio-Email-Event-Webhook-Timestamp");
        }
        Instant signedAt = Freshness.epochSeconds(timestampHeader, "the SendGrid timestamp");
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(timestampHeader.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            valid = verifier.verify(Base64.getDecoder().decode(signatureHeader.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new BadSignature("the SendGrid signature does not match");
        }
        Freshness.within(signedAt, clock, Freshness.SKEW, "the SendGrid timestamp");
    }

    public static List<Feedback> parse(byte[] body) {
        JsonNode events = Json.read(body, "the SendGrid webhook body");
        if (!events.isArray()) {
            throw new BadPayload("the SendGrid webhook body must be a JSON array");
        }
        Json.capped(events.size());
        List<Feedback> feedback = new ArrayList<>();
        for (JsonNode event : events.values()) {
            Kind kind = kind(Json.object(event, "each event"));
            if (kind != null) {
                feedback.add(Reports.of(
                        kind,
                        Json.email(event, "email"),
                        SOURCE,
                        NAME,
                        Json.text(event, "sg_event_id"),
                        Json.mailId(Json.optionalText(event, "audience_mail_id")),
                        Json.optionalText(event, "status"),
                        Json.optionalText(event, "reason"),
                        time(event)));
            }
        }
        return feedback;
    }

    /** A bounce without type predates SendGrid's split into bounce and blocked: a bounce then. */
    private static @Nullable Kind kind(JsonNode event) {
        String name = String.valueOf(Json.optionalText(event, "event"));
        if (name.equals("spamreport")) {
            return Kind.COMPLAINT;
        }
        if (!name.equals("bounce")) {
            return null;
        }
        return "blocked".equals(Json.optionalText(event, "type")) ? Kind.SOFT_BOUNCE : Kind.HARD_BOUNCE;
    }

    private static OffsetDateTime time(JsonNode event) {
        JsonNode value = event.path("timestamp");
        if (!value.canConvertToLong()) {
            throw new BadPayload("timestamp must be epoch seconds");
        }
        return Instant.ofEpochSecond(value.asLong()).atOffset(ZoneOffset.UTC);
    }
}
