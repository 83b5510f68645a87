package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MailgunEventsTest {

    private static final String KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private static final long SIGNED_AT = 1529006854L;
    private static final Clock NOW = Fixtures.atEpochSecond(SIGNED_AT + 60);

    @Test
    void aBodySignedWithTheKeyVerifies() {
        assertThatCode(() -> MailgunEvents.verify(KEY, signed("mailgun/failed-permanent.json", KEY), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void anUppercaseHexSignatureVerifiesToo() {
        String body = new String(signed("mailgun/failed-permanent.json", KEY), StandardCharsets.UTF_8);
        String upper = body.replace(expected(KEY), expected(KEY).toUpperCase(java.util.Locale.ROOT));

        assertThatCode(() -> MailgunEvents.verify(KEY, Fixtures.utf8(upper), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aBodySignedWithAnotherKeyIsRefused() {
        assertThatThrownBy(() -> MailgunEvents.verify(KEY, signed("mailgun/failed-permanent.json", "other-key"), NOW))
                .isInstanceOf(BadSignature.class)
                .hasMessageNotContaining(KEY)
                .hasMessageContaining("does not match");
    }

    @Test
    void aChangedTokenIsRefused() {
        String body = new String(signed("mailgun/failed-permanent.json", KEY), StandardCharsets.UTF_8)
                .replace("a8ce0edb", "b8ce0edb");

        assertThatThrownBy(() -> MailgunEvents.verify(KEY, Fixtures.utf8(body), NOW))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefused() {
        Clock later = Fixtures.atEpochSecond(SIGNED_AT + 301);

        assertThatThrownBy(() -> MailgunEvents.verify(KEY, signed("mailgun/failed-permanent.json", KEY), later))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void aSignatureFromTheFutureBeyondTheWindowIsRefused() {
        Clock earlier = Fixtures.atEpochSecond(SIGNED_AT - 301);

        assertThatThrownBy(() -> MailgunEvents.verify(KEY, signed("mailgun/failed-permanent.json", KEY), earlier))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aBodyWithoutSignatureIsRefused() {
        assertThatThrownBy(() -> MailgunEvents.verify(KEY, Fixtures.utf8("{\"event-data\":{}}"), NOW))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("signature.timestamp");
    }

    @Test
    void aPermanentFailureIsAHardBounce() {
        assertThat(MailgunEvents.parse(Fixtures.bytes("mailgun/failed-permanent.json")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.HARD_BOUNCE);
                    assertThat(f.email()).isEqualTo("alice@example.com");
                    assertThat(f.source()).isEqualTo("mailgun");
                    assertThat(f.providerEventId()).isEqualTo("G9Bn5sl1TC6nu79C8C0bwg");
                    assertThat(f.mailId()).isEqualTo(UUID.fromString("6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10"));
                    assertThat(f.status()).isEqualTo("550");
                    assertThat(f.diagnostic())
                            .isEqualTo("5.1.1 The email account that you tried to reach does not exist");
                    assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-03-16T20:46:35.375624Z"));
                    assertThat(f.evidence())
                            .isEqualTo(
                                    "Hard bounce reported by Mailgun: 550 5.1.1 The email account that you tried to reach does not exist");
                });
    }

    @Test
    void aTemporaryFailureIsASoftBounce() {
        String temporary = Fixtures.text("mailgun/failed-permanent.json").replace("\"permanent\"", "\"temporary\"");

        assertThat(MailgunEvents.parse(Fixtures.utf8(temporary)))
                .extracting(Feedback::kind)
                .containsExactly(Kind.SOFT_BOUNCE);
    }

    @Test
    void aComplaintIsAComplaint() {
        assertThat(MailgunEvents.parse(Fixtures.bytes("mailgun/complained.json")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.COMPLAINT);
                    assertThat(f.providerEventId()).isEqualTo("-Agny091SquKnsrW2NEKUA");
                    assertThat(f.mailId()).isNull();
                    assertThat(f.status()).isNull();
                    assertThat(f.evidence()).isEqualTo("Complaint reported by Mailgun");
                });
    }

    @Test
    void otherEventsAreIgnored() {
        String delivered = Fixtures.text("mailgun/complained.json").replace("\"complained\"", "\"delivered\"");

        assertThat(MailgunEvents.parse(Fixtures.utf8(delivered))).isEmpty();
    }

    @Test
    void aBodyWithoutEventDataIsABadPayload() {
        assertThatThrownBy(() -> MailgunEvents.parse(Fixtures.utf8("{\"signature\":{}}")))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("event-data");
        assertThatThrownBy(() -> MailgunEvents.parse(Fixtures.utf8("{"))).isInstanceOf(BadPayload.class);
    }

    private static byte[] signed(String resource, String key) {
        return Fixtures.utf8(Fixtures.text(resource).replace("SIGNATURE", expected(key)));
    }

    /** Computed here as Mailgun documents it, independently of the code under test. */
    private static String expected(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((SIGNED_AT + "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0")
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
