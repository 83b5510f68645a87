package io.audience.feedback.provider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Verifies Amazon SNS HTTP(S) messages as AWS documents it: the fields of the message's type, in
 * a fixed order, signed with the key of the certificate at {@code SigningCertURL}.
 */
public final class SnsMessages {

    /** SNS retries for up to an hour by default; anything older is a replay. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    private final CertificateSource certificates;
    private final Clock clock;

    public SnsMessages(CertificateSource certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    /** The message, if its signature, certificate and timestamp all check out; else {@link BadSignature}. */
    public SnsMessage verify(byte[] body) {
        JsonNode envelope = Json.object(Json.read(body, "the SNS message"), "the SNS message");
        String type = field(envelope, "Type");
        boolean notification = type.equals(SnsMessage.NOTIFICATION);
        if (!notification
                && !type.equals(SnsMessage.SUBSCRIPTION_CONFIRMATION)
                && !type.equals(SnsMessage.UNSUBSCRIBE_CONFIRMATION)) {
            throw new BadSignature("unknown SNS message Type");
        }
        String algorithm = switch (field(envelope, "SignatureVersion")) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new BadSignature("unsupported SNS SignatureVersion");
        };
        X509Certificate certificate =
                certificates.certificate(uri(field(envelope, "SigningCertURL"), "SigningCertURL"));
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateException e) {
            throw new BadSignature("the SNS signing certificate is not valid now", e);
        }
        String canonical = canonical(envelope, notification ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS);
        if (!signatureMatches(algorithm, certificate, canonical, field(envelope, "Signature"))) {
            throw new BadSignature("the SNS signature does not match the message");
        }
        Freshness.within(timestamp(field(envelope, "Timestamp")), clock, MAX_AGE, Freshness.SKEW, "the SNS Timestamp");
        return new SnsMessage(
                type,
                field(envelope, "MessageId"),
                field(envelope, "TopicArn"),
                field(envelope, "Message"),
                notification ? null : uri(field(envelope, "SubscribeURL"), "SubscribeURL"));
    }

    /** Name, newline, value, newline for each field present; values exactly as received. */
    static String canonical(JsonNode envelope, List<String> fields) {
        StringBuilder text = new StringBuilder();
        for (String name : fields) {
            String value = optionalField(envelope, name);
            if (value == null && name.equals("Subject")) {
                continue;
            }
            if (value == null) {
                throw new BadSignature("the SNS message has no " + name);
            }
            text.append(name).append('\n').append(value).append('\n');
        }
        return text.toString();
    }

    private static boolean signatureMatches(
            String algorithm, X509Certificate certificate, String canonical, String signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String field(JsonNode envelope, String name) {
        String value = optionalField(envelope, name);
        if (value == null) {
            throw new BadSignature("the SNS message has no " + name);
        }
        return value;
    }

    private static @Nullable String optionalField(JsonNode envelope, String name) {
        JsonNode value = envelope.path(name);
        return value.isString() ? value.asString() : null;
    }

    private static URI uri(String value, String name) {
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new BadSignature("the SNS " + name + " is not a URI", e);
        }
    }

    private static Instant timestamp(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new BadSignature("the SNS Timestamp is not an ISO-8601 instant", e);
        }
    }
}
