package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SnsMessagesTest {

    private static final String AWS = "feedback/sns-aws/";
    private static final X509Certificate AWS_CERTIFICATE = AwsCertificates.parse(
            SnsTestSigner.resource(AWS + "SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem"));
    private static final Instant FIXTURES_SENT = Instant.parse("2026-03-06T20:10:00Z");

    private final SnsMessages aws = new SnsMessages(url -> AWS_CERTIFICATE, at(FIXTURES_SENT));

    @Test
    void anAwsSignedNotificationOfSignatureVersion2Verifies() {
        SnsMessage message = aws.verify(SnsTestSigner.resource(AWS + "test-notification-signature-v2.json"));

        assertThat(message.type()).isEqualTo("Notification");
        assertThat(message.messageId()).isEqualTo("9d2c5580-b61d-550c-8583-37a582870907");
        assertThat(message.topicArn()).isEqualTo("arn:aws:sns:us-west-2:131990247566:dongie-standard-topic");
        assertThat(message.message()).isEqualTo("This message uses signature version 2.");
        assertThat(message.subscribeUrl()).isNull();
    }

    @Test
    void anAwsSignedNotificationOfSignatureVersion1WithASubjectVerifies() {
        assertThat(aws.verify(SnsTestSigner.resource(AWS + "test-notification-with-subject.json"))
                        .message())
                .isEqualTo("Hello! This message has a subject.");
    }

    @Test
    void anAwsSignedNotificationWithoutSubjectVerifies() {
        assertThat(aws.verify(SnsTestSigner.resource(AWS + "test-notification-no-subject.json"))
                        .message())
                .isEqualTo("This notification has no subject.");
    }

    @Test
    void aSubscriptionConfirmationVerifiesAndCarriesItsSubscribeUrl() {
        SnsMessage message = aws.verify(SnsTestSigner.resource(AWS + "test-subscription-confirmation.json"));

        assertThat(message.type()).isEqualTo("SubscriptionConfirmation");
        assertThat(message.message()).contains("\nTo confirm the subscription");
        assertThat(message.subscribeUrl()).isNotNull();
        assertThat(AwsCertificates.isSnsHost(URI.create(String.valueOf(message.subscribeUrl()))))
                .isTrue();
    }

    @Test
    void anUnsubscribeConfirmationVerifies() {
        assertThat(aws.verify(SnsTestSigner.resource(AWS + "test-unsubscribe-confirmation.json"))
                        .type())
                .isEqualTo("UnsubscribeConfirmation");
    }

    @Test
    void aChangedMessageDoesNotVerify() {
        String body = fixture("test-notification-signature-v2.json").replace("version 2.", "version 3.");

        assertThatThrownBy(() -> aws.verify(bytes(body)))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void aChangedSubjectDoesNotVerify() {
        String body = fixture("test-notification-with-subject.json").replace("My message subject", "Other");

        assertThatThrownBy(() -> aws.verify(bytes(body))).isInstanceOf(BadSignature.class);
    }

    @Test
    void aSignatureVersion1MessageClaimingVersion2DoesNotVerify() {
        String body = fixture("test-notification-no-subject.json")
                .replace("\"SignatureVersion\" : \"1\"", "\"SignatureVersion\" : \"2\"");

        assertThatThrownBy(() -> aws.verify(bytes(body))).isInstanceOf(BadSignature.class);
    }

    @Test
    void anUnknownSignatureVersionIsRefused() {
        String body = fixture("test-notification-no-subject.json")
                .replace("\"SignatureVersion\" : \"1\"", "\"SignatureVersion\" : \"3\"");

        assertThatThrownBy(() -> aws.verify(bytes(body)))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("SignatureVersion");
    }

    @Test
    void aMessageOlderThanAnHourIsRefusedThoughItsSignatureIsGood() {
        SnsMessages later = new SnsMessages(url -> AWS_CERTIFICATE, at(Instant.parse("2026-03-06T21:10:00Z")));

        assertThatThrownBy(() -> later.verify(SnsTestSigner.resource(AWS + "test-notification-signature-v2.json")))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("Timestamp");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        SnsMessages afterExpiry = new SnsMessages(url -> AWS_CERTIFICATE, at(Instant.parse("2026-10-15T00:00:00Z")));

        assertThatThrownBy(
                        () -> afterExpiry.verify(SnsTestSigner.resource(AWS + "test-notification-signature-v2.json")))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("certificate");
    }

    @Test
    void aMessageSignedByAnotherKeyDoesNotVerify() {
        SnsMessages otherKey = new SnsMessages(SnsTestSigner.certificates(), at(FIXTURES_SENT));

        assertThatThrownBy(() -> otherKey.verify(SnsTestSigner.resource(AWS + "test-notification-signature-v2.json")))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void theCertificateIsAskedForAtTheMessagesSigningCertUrl() {
        URI[] asked = new URI[1];
        new SnsMessages(
                        url -> {
                            asked[0] = url;
                            return AWS_CERTIFICATE;
                        },
                        at(FIXTURES_SENT))
                .verify(SnsTestSigner.resource(AWS + "test-notification-signature-v2.json"));

        assertThat(asked[0])
                .hasToString(
                        "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem");
    }

    @Test
    void aMessageWithoutSignatureIsRefused() {
        String body = fixture("test-notification-no-subject.json").replace("\"Signature\" :", "\"Unsigned\" :");

        assertThatThrownBy(() -> aws.verify(bytes(body)))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("Signature");
    }

    @Test
    void anUnknownTypeIsRefused() {
        String body = fixture("test-notification-no-subject.json").replace("\"Notification\"", "\"Other\"");

        assertThatThrownBy(() -> aws.verify(bytes(body))).isInstanceOf(BadSignature.class);
    }

    @Test
    void aBodyThatIsNotJsonIsABadPayload() {
        assertThatThrownBy(() -> aws.verify(bytes("not json"))).isInstanceOf(BadPayload.class);
    }

    @Test
    void theTestSignersNotificationVerifiesAndATamperedOneDoesNot() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        SnsMessages test = new SnsMessages(SnsTestSigner.certificates(), at(now));

        assertThat(test.verify(bytes(SnsTestSigner.notification("{\"a\":1}", now)))
                        .message())
                .isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> test.verify(bytes(SnsTestSigner.tamperedNotification("{\"a\":1}", now))))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void theTestCertificateIsValidForFiftyYears() {
        assertThat(SnsTestSigner.certificate().getNotAfter().toInstant())
                .isAfter(Instant.parse("2076-01-01T00:00:00Z"));
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static String fixture(String name) {
        return new String(SnsTestSigner.resource(AWS + name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTestSignersSubscriptionConfirmationVerifiesWithItsSubscribeUrl() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        URI subscribe = URI.create("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=abc");

        SnsMessage message = new SnsMessages(SnsTestSigner.certificates(), at(now))
                .verify(bytes(SnsTestSigner.subscriptionConfirmation(SnsTestSigner.TOPIC_ARN, subscribe, now)));

        assertThat(message.type()).isEqualTo(SnsMessage.SUBSCRIPTION_CONFIRMATION);
        assertThat(message.subscribeUrl()).isEqualTo(subscribe);
    }

    @Test
    void aNotificationFromMoreThanFiveMinutesAheadIsRefused() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String ahead = SnsTestSigner.notification("{}", now.plusSeconds(301));

        assertThatThrownBy(() -> new SnsMessages(SnsTestSigner.certificates(), at(now)).verify(bytes(ahead)))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("ahead");
    }
}
