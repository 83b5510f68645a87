package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class GenericEventsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final long SIGNED_AT = 1_800_000_000L;
    private static final Clock NOW = Fixtures.atEpochSecond(SIGNED_AT + 30);
    private static final byte[] BODY = Fixtures.utf8(
            "{\"type\":\"hard_bounce\",\"email\":\" Jane@Example.com \",\"occurred_at\":\"2027-01-15T10:00:00+01:00\","
                    + "\"status\":\"5.1.1\",\"diagnostic\":\"550 5.1.1 no such user\","
                    + "\"mail_id\":\"6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10\",\"id\":\"evt-1\"}");

    @Test
    void aStandardWebhooksSignatureVerifies() {
        assertThatCode(() ->
                        GenericEvents.verify(SECRET, ID, String.valueOf(SIGNED_AT), signature(KEY, BODY), BODY, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        String several = "v1,bm90IGl0 " + signature("another key".getBytes(StandardCharsets.US_ASCII), BODY) + " "
                + signature(KEY, BODY);

        assertThatCode(() -> GenericEvents.verify(SECRET, ID, String.valueOf(SIGNED_AT), several, BODY, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureOverAnotherBodyIdOrTimestampIsRefused() {
        String signature = signature(KEY, BODY);
        byte[] other = Fixtures.utf8("{\"type\":\"complaint\"}");

        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, String.valueOf(SIGNED_AT), signature, other, NOW))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("webhook-signature");
        assertThatThrownBy(() ->
                        GenericEvents.verify(SECRET, "msg_other", String.valueOf(SIGNED_AT), signature, BODY, NOW))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, String.valueOf(SIGNED_AT + 1), signature, BODY, NOW))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aSignatureOutsideFiveMinutesIsRefused() {
        String signature = signature(KEY, BODY);
        Clock later = Fixtures.atEpochSecond(SIGNED_AT + 301);

        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, String.valueOf(SIGNED_AT), signature, BODY, later))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("webhook-timestamp");
    }

    @Test
    void missingHeadersAreRefused() {
        assertThatThrownBy(() -> GenericEvents.verify(SECRET, null, "1", "v1,x", BODY, NOW))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, null, "v1,x", BODY, NOW))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, "1", null, BODY, NOW))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> GenericEvents.verify(SECRET, ID, "soon", "v1,x", BODY, NOW))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void oneReportBecomesOneFeedbackWithItsOwnId() {
        assertThat(GenericEvents.parse(BODY, ID)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.HARD_BOUNCE);
            assertThat(f.email()).isEqualTo("Jane@Example.com");
            assertThat(f.source()).isEqualTo("generic");
            assertThat(f.providerEventId()).isEqualTo("evt-1");
            assertThat(f.mailId()).isEqualTo(UUID.fromString("6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10"));
            assertThat(f.status()).isEqualTo("5.1.1");
            assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2027-01-15T09:00:00Z"));
            assertThat(f.evidence())
                    .isEqualTo("Hard bounce reported by a generic webhook: 5.1.1 550 5.1.1 no such user");
        });
    }

    @Test
    void reportsInAnArrayWithoutIdsAreNamedByTheWebhookIdAndIndex() {
        byte[] body = Fixtures.utf8(
                "[{\"type\":\"soft_bounce\",\"email\":\"a@example.com\",\"occurred_at\":\"2027-01-15T09:00:00Z\"},"
                        + "{\"type\":\"complaint\",\"email\":\"b@example.com\",\"occurred_at\":\"2027-01-15T09:00:00Z\"}]");

        List<Feedback> feedback = GenericEvents.parse(body, ID);

        assertThat(feedback).extracting(Feedback::kind).containsExactly(Kind.SOFT_BOUNCE, Kind.COMPLAINT);
        assertThat(feedback).extracting(Feedback::providerEventId).containsExactly(ID + "/0", ID + "/1");
        assertThat(feedback.get(0).mailId()).isNull();
        assertThat(feedback.get(0).status()).isNull();
    }

    @Test
    void aSingleReportWithoutIdIsNamedByTheWebhookId() {
        byte[] body = Fixtures.utf8(
                "{\"type\":\"complaint\",\"email\":\"b@example.com\",\"occurred_at\":\"2027-01-15T09:00:00Z\"}");

        assertThat(GenericEvents.parse(body, ID))
                .singleElement()
                .extracting(Feedback::providerEventId)
                .isEqualTo(ID);
    }

    @Test
    void malformedReportsAreBadPayloadsNamingTheField() {
        assertThatThrownBy(() -> GenericEvents.parse(Fixtures.utf8("{\"type\":\"bounce\"}"), ID))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> GenericEvents.parse(
                        Fixtures.utf8(
                                "{\"type\":\"complaint\",\"email\":\"nobody\",\"occurred_at\":\"2027-01-15T09:00:00Z\"}"),
                        ID))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> GenericEvents.parse(
                        Fixtures.utf8("{\"type\":\"complaint\",\"email\":\"a@b.c\",\"occurred_at\":\"yesterday\"}"),
                        ID))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("occurred_at");
        assertThatThrownBy(() -> GenericEvents.parse(
                        Fixtures.utf8(
                                "{\"type\":\"complaint\",\"email\":\"a@b.c\",\"occurred_at\":\"2027-01-15T09:00:00Z\",\"mail_id\":\"42\"}"),
                        ID))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("mail_id");
        assertThatThrownBy(() -> GenericEvents.parse(Fixtures.utf8("[1]"), ID)).isInstanceOf(BadPayload.class);
        assertThatThrownBy(() -> GenericEvents.parse(Fixtures.utf8("nope"), ID)).isInstanceOf(BadPayload.class);
    }

    @Test
    void moreThanAThousandReportsAreABadPayload() {
        String report = "{\"type\":\"complaint\",\"email\":\"a@b.c\",\"occurred_at\":\"2027-01-15T09:00:00Z\"}";
        byte[] body = Fixtures.utf8("[" + String.join(",", Collections.nCopies(1001, report)) + "]");

        assertThatThrownBy(() -> GenericEvents.parse(body, ID)).isInstanceOf(BadPayload.class);
    }

    /** Computed here as Standard Webhooks specify it, independently of the code under test. */
    private static String signature(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(Fixtures.utf8(ID + "." + SIGNED_AT + "."));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
