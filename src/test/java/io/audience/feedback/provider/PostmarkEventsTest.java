package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostmarkEventsTest {

    @Test
    void theRightBasicCredentialsAuthenticate() {
        assertThatCode(() -> PostmarkEvents.authenticate(basic("postmark:s3cret"), "postmark", "s3cret"))
                .doesNotThrowAnyException();
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        assertThatCode(() -> PostmarkEvents.authenticate(
                        basic("postmark:s3cret").replace("Basic", "basic"), "postmark", "s3cret"))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> PostmarkEvents.authenticate(basic("postmark:guess"), "postmark", "s3cret"))
                .isInstanceOf(BadSignature.class)
                .hasMessageNotContaining("guess")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aWrongUserIsRefused() {
        assertThatThrownBy(() -> PostmarkEvents.authenticate(basic("other:s3cret"), "postmark", "s3cret"))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void missingOrNonBasicCredentialsAreRefused() {
        assertThatThrownBy(() -> PostmarkEvents.authenticate(null, "postmark", "s3cret"))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> PostmarkEvents.authenticate("Bearer s3cret", "postmark", "s3cret"))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> PostmarkEvents.authenticate("Basic !!!", "postmark", "s3cret"))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aHardBounceIsAHardBounceWithItsIdDetailsAndMailId() {
        assertThat(PostmarkEvents.parse(Fixtures.bytes("postmark/bounce.json")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.HARD_BOUNCE);
                    assertThat(f.email()).isEqualTo("john@example.com");
                    assertThat(f.source()).isEqualTo("postmark");
                    assertThat(f.providerEventId()).isEqualTo("4323372036854775807");
                    assertThat(f.mailId()).isEqualTo(UUID.fromString("6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10"));
                    assertThat(f.diagnostic()).isEqualTo("Test bounce details");
                    assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2019-11-05T16:33:54.9070259Z"));
                    assertThat(f.evidence()).isEqualTo("Hard bounce reported by Postmark: Test bounce details");
                });
    }

    @ParameterizedTest
    @CsvSource({
        "HardBounce, HARD_BOUNCE",
        "BadEmailAddress, HARD_BOUNCE",
        "SoftBounce, SOFT_BOUNCE",
        "Transient, SOFT_BOUNCE",
        "DnsError, SOFT_BOUNCE",
        "Blocked, SOFT_BOUNCE",
        "SpamComplaint, COMPLAINT"
    })
    void aBounceIsClassifiedByItsTypeName(String type, Kind kind) {
        assertThat(PostmarkEvents.parse(bounceOfType(type)))
                .extracting(Feedback::kind)
                .containsExactly(kind);
    }

    @ParameterizedTest
    @CsvSource({"AutoResponder", "ManuallyDeactivated", "Unsubscribe", "Subscribe", "AddressChange", "Unknown"})
    void aBounceThatIsNotAReportAboutTheAddressIsIgnored(String type) {
        assertThat(PostmarkEvents.parse(bounceOfType(type))).isEmpty();
    }

    @Test
    void theSpamComplaintWebhookIsAComplaint() {
        assertThat(PostmarkEvents.parse(Fixtures.bytes("postmark/spam-complaint.json")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.COMPLAINT);
                    assertThat(f.providerEventId()).isEqualTo("42");
                    assertThat(f.mailId()).isNull();
                });
    }

    @Test
    void aSubscriptionChangeForAHardBounceIsAHardBounce() {
        assertThat(PostmarkEvents.parse(Fixtures.bytes("postmark/subscription-change.json")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.HARD_BOUNCE);
                    assertThat(f.email()).isEqualTo("bounced-address@wildbit.com");
                    assertThat(f.providerEventId())
                            .isEqualTo("883953f4-6105-42a2-a16a-77a8eac79483/SubscriptionChange");
                    assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2020-02-01T10:53:34.416071Z"));
                    assertThat(f.evidence())
                            .isEqualTo("Hard bounce reported by Postmark: suppression reason HardBounce");
                });
    }

    @Test
    void aSubscriptionChangeForASpamComplaintIsAComplaint() {
        String complaint =
                Fixtures.text("postmark/subscription-change.json").replace("\"HardBounce\"", "\"SpamComplaint\"");

        assertThat(PostmarkEvents.parse(Fixtures.utf8(complaint)))
                .extracting(Feedback::kind)
                .containsExactly(Kind.COMPLAINT);
    }

    @Test
    void aManualSuppressionOrAReactivationIsIgnored() {
        String manual =
                Fixtures.text("postmark/subscription-change.json").replace("\"HardBounce\"", "\"ManualSuppression\"");
        String reactivated = Fixtures.text("postmark/subscription-change.json").replace("true", "false");

        assertThat(PostmarkEvents.parse(Fixtures.utf8(manual))).isEmpty();
        assertThat(PostmarkEvents.parse(Fixtures.utf8(reactivated))).isEmpty();
    }

    @Test
    void otherRecordTypesAreIgnored() {
        assertThat(PostmarkEvents.parse(Fixtures.utf8("{\"RecordType\":\"Delivery\",\"Recipient\":\"a@b.c\"}")))
                .isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonOrLacksFieldsIsABadPayload() {
        assertThatThrownBy(() -> PostmarkEvents.parse(Fixtures.utf8("<xml/>"))).isInstanceOf(BadPayload.class);
        assertThatThrownBy(() -> PostmarkEvents.parse(Fixtures.utf8("[]"))).isInstanceOf(BadPayload.class);
        String noEmail = Fixtures.text("postmark/bounce.json").replace("\"Email\"", "\"Mail\"");
        assertThatThrownBy(() -> PostmarkEvents.parse(Fixtures.utf8(noEmail)))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("Email");
    }

    private static byte[] bounceOfType(String type) {
        return Fixtures.utf8(Fixtures.text("postmark/bounce.json").replace("\"HardBounce\"", "\"" + type + "\""));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
