package io.audience.feedback.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs SNS envelopes (SignatureVersion 2) with the test key in {@code feedback/sns-test/}, so
 * tests can replay SES notifications with valid and invalid signatures. Verify them with {@link
 * #certificates()} in place of {@link AwsCertificates}.
 */
public final class SnsTestSigner {

    public static final URI CERTIFICATE_URL =
            URI.create("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem");
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

    private static final X509Certificate CERTIFICATE =
            AwsCertificates.parse(resource("feedback/sns-test/certificate.pem"));
    private static final PrivateKey KEY = privateKey(resource("feedback/sns-test/private-key-pkcs8.pem"));

    private SnsTestSigner() {}

    /** A source that returns the test certificate for any URL. */
    public static CertificateSource certificates() {
        return url -> CERTIFICATE;
    }

    public static X509Certificate certificate() {
        return CERTIFICATE;
    }

    /** A signed Notification on {@link #TOPIC_ARN} carrying {@code message} (the SES JSON). */
    public static String notification(String message, Instant timestamp) {
        return notification(TOPIC_ARN, message, timestamp);
    }

    public static String notification(String topicArn, String message, Instant timestamp) {
        return notification(topicArn, UUID.randomUUID().toString(), message, timestamp);
    }

    /** With a chosen MessageId, to replay the same notification twice. */
    public static String notification(String topicArn, String messageId, String message, Instant timestamp) {
        ObjectNode envelope = JsonMapper.shared().createObjectNode();
        envelope.put("Type", SnsMessage.NOTIFICATION);
        envelope.put("MessageId", messageId);
        envelope.put("TopicArn", topicArn);
        envelope.put("Message", message);
        envelope.put("Timestamp", timestamp.toString());
        return signed(envelope, SnsMessages.NOTIFICATION_FIELDS);
    }

    /** A signed SubscriptionConfirmation, as SNS sends when a topic gets our endpoint. */
    public static String subscriptionConfirmation(String topicArn, URI subscribeUrl, Instant timestamp) {
        ObjectNode envelope = JsonMapper.shared().createObjectNode();
        envelope.put("Type", SnsMessage.SUBSCRIPTION_CONFIRMATION);
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Token", "2336412f37fb687f5d51e6e2425929f52e8e3531");
        envelope.put("TopicArn", topicArn);
        envelope.put("Message", "You have chosen to subscribe to the topic " + topicArn + ".");
        envelope.put("SubscribeURL", subscribeUrl.toString());
        envelope.put("Timestamp", timestamp.toString());
        return signed(envelope, SnsMessages.CONFIRMATION_FIELDS);
    }

    private static String signed(ObjectNode envelope, List<String> fields) {
        envelope.put("SignatureVersion", "2");
        envelope.put("Signature", sign(SnsMessages.canonical(envelope, fields)));
        envelope.put("SigningCertURL", CERTIFICATE_URL.toString());
        envelope.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        return envelope.toString();
    }

    /** Like {@link #notification}, but the Message was changed after signing. */
    public static String tamperedNotification(String message, Instant timestamp) {
        String signed = notification(message + " ", timestamp);
        ObjectNode envelope = (ObjectNode) JsonMapper.shared().readTree(signed);
        envelope.put("Message", message);
        return envelope.toString();
    }

    private static String sign(String canonical) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(KEY);
            signer.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(byte[] pem) {
        String base64 = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = SnsTestSigner.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
