package io.audience.feedback.provider;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Mailgun's JSON webhooks: {@code signature} (HMAC-SHA256 of timestamp and token under the HTTP
 * webhook signing key) and {@code event-data}. A replayed request inside the window carries the
 * same event id, which the caller records once, so no token cache is kept here.
 */
public final class MailgunEvents {

    static final String SOURCE = "mailgun";
    static final String NAME = "Mailgun";

    private MailgunEvents() {}

    public static void verify(String signingKey, byte[] body, Clock clock) {
        JsonNode signature = Json.read(body, "the Mailgun webhook body").path("signature");
        String timestamp = signed(signature, "timestamp");
        String token = signed(signature, "token");
        byte[] given = signed(signature, "signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] expected =
                HexFormat.of().formatHex(hmac(signingKey, timestamp + token)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new BadSignature("the Mailgun signature does not match");
        }
        Freshness.within(
                Freshness.epochSeconds(timestamp, "the Mailgun timestamp"),
                clock,
                Freshness.SKEW,
                "the Mailgun timestamp");
    }

    public static List<Feedback> parse(byte[] body) {
        JsonNode data = Json.object(Json.read(body, "the Mailgun webhook body").path("event-data"), "event-data");
        String event = Json.text(data, "event");
        Kind kind = null;
        if (event.equals("complained")) {
            kind = Kind.COMPLAINT;
        } else if (event.equals("failed")) {
            String severity = Json.optionalText(data, "severity");
            kind = "permanent".equals(severity)
                    ? Kind.HARD_BOUNCE
                    : "temporary".equals(severity) ? Kind.SOFT_BOUNCE : null;
        }
        if (kind == null) {
            return List.of();
        }
        JsonNode status = data.path("delivery-status");
        String message = Json.optionalText(status, "message");
        String diagnostic = message == null || message.isBlank() ? Json.optionalText(status, "description") : message;
        return List.of(Reports.of(
                kind,
                Json.email(data, "recipient"),
                SOURCE,
                NAME,
                Json.text(data, "id"),
                Json.mailId(Json.optionalText(data.path("user-variables"), "audience_mail_id")),
                Json.optionalText(status, "code"),
                diagnostic,
                time(data)));
    }

    private static String signed(JsonNode signature, String field) {
        JsonNode value = signature.path(field);
        if ((!value.isString() && !value.isNumber()) || value.asString().isBlank()) {
            throw new BadSignature("the Mailgun webhook has no signature." + field);
        }
        return value.asString();
    }

    /** Mailgun gives event time as fractional epoch seconds. */
    private static OffsetDateTime time(JsonNode data) {
        JsonNode value = data.path("timestamp");
        if (!value.isNumber()) {
            throw new BadPayload("timestamp must be epoch seconds");
        }
        BigDecimal seconds = value.decimalValue();
        Instant instant = Instant.ofEpochSecond(
                seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        return instant.atOffset(ZoneOffset.UTC);
    }

    static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
