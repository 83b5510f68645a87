package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendGridEventsTest {

    /** The test vector of sendgrid-java's EventWebhookTest (MIT licence). */
    private static final String VECTOR_KEY =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";

    private static final String VECTOR_TIMESTAMP = "1600112502";
    private static final String VECTOR_SIGNATURE =
            "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    private static final String VECTOR_BODY =
            "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\",\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\",\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\",\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n";
    private static final Clock VECTOR_TIME = Fixtures.atEpochSecond(1600112502L + 10);

    @Test
    void theSendGridTestVectorVerifies() {
        PublicKey key = SendGridEvents.publicKey(VECTOR_KEY);

        assertThatCode(() -> SendGridEvents.verify(
                        key, VECTOR_SIGNATURE, VECTOR_TIMESTAMP, Fixtures.utf8(VECTOR_BODY), VECTOR_TIME))
                .doesNotThrowAnyException();
    }

    @Test
    void theTestVectorWithoutItsTrailingNewlineDoesNotVerify() {
        byte[] stripped = Fixtures.utf8(VECTOR_BODY.strip());

        assertThatThrownBy(() -> SendGridEvents.verify(
                        SendGridEvents.publicKey(VECTOR_KEY),
                        VECTOR_SIGNATURE,
                        VECTOR_TIMESTAMP,
                        stripped,
                        VECTOR_TIME))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void theTestVectorWithAnotherTimestampDoesNotVerify() {
        assertThatThrownBy(() -> SendGridEvents.verify(
                        SendGridEvents.publicKey(VECTOR_KEY),
                        VECTOR_SIGNATURE,
                        "1600112503",
                        Fixtures.utf8(VECTOR_BODY),
                        VECTOR_TIME))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void theTestVectorIsTooOldToday() {
        assertThatThrownBy(() -> SendGridEvents.verify(
                        SendGridEvents.publicKey(VECTOR_KEY),
                        VECTOR_SIGNATURE,
                        VECTOR_TIMESTAMP,
                        Fixtures.utf8(VECTOR_BODY),
                        Fixtures.atEpochSecond(1600112502L + 301)))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void aBodySignedWithAGeneratedKeyVerifiesAndAnotherKeyDoesNot() throws GeneralSecurityException {
        KeyPair pair = keyPair();
        byte[] body = Fixtures.bytes("sendgrid/events.json");
        String timestamp = "1700000000";
        String signature = sign(pair, timestamp, body);
        Clock now = Fixtures.atEpochSecond(1700000000L);
        PublicKey key = SendGridEvents.publicKey(
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));

        assertThatCode(() -> SendGridEvents.verify(key, signature, timestamp, body, now))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SendGridEvents.verify(keyPair().getPublic(), signature, timestamp, body, now))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void missingOrGarbledHeadersAreRefused() {
        PublicKey key = SendGridEvents.publicKey(VECTOR_KEY);
        byte[] body = Fixtures.utf8(VECTOR_BODY);

        assertThatThrownBy(() -> SendGridEvents.verify(key, null, VECTOR_TIMESTAMP, body, VECTOR_TIME))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("Signature");
        assertThatThrownBy(() -> SendGridEvents.verify(key, VECTOR_SIGNATURE, null, body, VECTOR_TIME))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("Timestamp");
        assertThatThrownBy(() -> SendGridEvents.verify(key, "%%%", VECTOR_TIMESTAMP, body, VECTOR_TIME))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> SendGridEvents.verify(key, VECTOR_SIGNATURE, "yesterday", body, VECTOR_TIME))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aMalformedVerificationKeyIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> SendGridEvents.publicKey("not a key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64 DER");
        assertThatThrownBy(() -> SendGridEvents.publicKey("AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64 DER");
    }

    @Test
    void aKeyOnAnotherCurveIsRejected() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        String p384 = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> SendGridEvents.publicKey(p384))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
    }

    @Test
    void bouncesBlocksAndSpamReportsBecomeFeedbackAndOtherEventsAreIgnored() {
        List<Feedback> feedback = SendGridEvents.parse(Fixtures.bytes("sendgrid/events.json"));

        assertThat(feedback)
                .extracting(Feedback::kind)
                .containsExactly(Kind.HARD_BOUNCE, Kind.SOFT_BOUNCE, Kind.COMPLAINT);
        assertThat(feedback.get(0)).satisfies(f -> {
            assertThat(f.email()).isEqualTo("example@test.com");
            assertThat(f.source()).isEqualTo("sendgrid");
            assertThat(f.providerEventId()).isEqualTo("6g4ZI7SA-xmRDv57GoPIPw==");
            assertThat(f.mailId()).isEqualTo(UUID.fromString("6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10"));
            assertThat(f.status()).isEqualTo("5.0.0");
            assertThat(f.diagnostic()).isEqualTo("500 unknown recipient");
            assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2017-12-15T00:59:29Z"));
            assertThat(f.evidence()).isEqualTo("Hard bounce reported by SendGrid: 5.0.0 500 unknown recipient");
        });
        assertThat(feedback.get(2).mailId()).isNull();
    }

    @Test
    void theTestVectorsDroppedEventCarriesNoFeedback() {
        assertThat(SendGridEvents.parse(Fixtures.utf8(VECTOR_BODY))).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnArrayIsABadPayload() {
        assertThatThrownBy(() -> SendGridEvents.parse(Fixtures.utf8("{\"event\":\"bounce\"}")))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("array");
    }

    @Test
    void aBounceWithoutEventIdIsABadPayloadNamingTheField() {
        byte[] body = Fixtures.utf8("[{\"email\":\"a@b.c\",\"event\":\"bounce\",\"timestamp\":1}]");

        assertThatThrownBy(() -> SendGridEvents.parse(body))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("sg_event_id");
    }

    @Test
    void moreThanAThousandEventsAreABadPayload() {
        String event = "{\"email\":\"a@b.c\",\"event\":\"open\",\"timestamp\":1,\"sg_event_id\":\"x\"}";
        String body = "[" + String.join(",", java.util.Collections.nCopies(1001, event)) + "]";

        assertThatThrownBy(() -> SendGridEvents.parse(Fixtures.utf8(body)))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("1000");
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair pair, String timestamp, byte[] body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(Fixtures.utf8(timestamp));
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
