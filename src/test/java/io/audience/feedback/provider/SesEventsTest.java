package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SesEventsTest {

    @Test
    void aBounceOfTypePermanentIsAHardBounce() {
        List<Feedback> feedback = SesEvents.parse(notification(Fixtures.text("ses/bounce-permanent.json")));

        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.HARD_BOUNCE);
            assertThat(f.email()).isEqualTo("jane@example.com");
            assertThat(f.source()).isEqualTo("ses");
            assertThat(f.providerEventId()).isEqualTo("00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000");
            assertThat(f.mailId()).isEqualTo(UUID.fromString("6f1c2b8e-0d1a-4c57-9a43-2f0f6e3b9a10"));
            assertThat(f.status()).isEqualTo("5.1.1");
            assertThat(f.diagnostic()).isEqualTo("smtp; 550 5.1.1 user unknown");
            assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2016-01-27T14:59:38.237Z"));
            assertThat(f.evidence())
                    .isEqualTo("Hard bounce reported by Amazon SES: 5.1.1 smtp; 550 5.1.1 user unknown");
        });
    }

    @Test
    void aTransientBounceFromEventPublishingIsASoftBounceForEachRecipient() {
        List<Feedback> feedback =
                SesEvents.parse(notification(Fixtures.text("ses/bounce-transient-two-recipients.json")));

        assertThat(feedback).extracting(Feedback::kind).containsOnly(Kind.SOFT_BOUNCE);
        assertThat(feedback).extracting(Feedback::email).containsExactly("richard@example.com", "wanda@example.com");
        assertThat(feedback)
                .extracting(Feedback::providerEventId)
                .containsExactly(
                        "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000/0",
                        "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000/1");
        assertThat(feedback.get(1).status()).isNull();
        assertThat(feedback.get(1).mailId()).isNull();
        assertThat(feedback.get(1).evidence()).isEqualTo("Soft bounce reported by Amazon SES");
    }

    @Test
    void anUndeterminedBounceIsASoftBounce() {
        String undetermined = Fixtures.text("ses/bounce-permanent.json").replace("\"Permanent\"", "\"Undetermined\"");

        assertThat(SesEvents.parse(notification(undetermined)))
                .extracting(Feedback::kind)
                .containsExactly(Kind.SOFT_BOUNCE);
    }

    @Test
    void aComplaintIsAComplaintWhoseEvidenceNamesTheFeedbackType() {
        List<Feedback> feedback = SesEvents.parse(notification(Fixtures.text("ses/complaint.json")));

        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.COMPLAINT);
            assertThat(f.email()).isEqualTo("richard@example.com");
            assertThat(f.providerEventId()).isEqualTo("000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000");
            assertThat(f.evidence()).isEqualTo("Complaint reported by Amazon SES: feedback type abuse");
            assertThat(f.diagnostic()).isNull();
        });
    }

    @Test
    void anUnreadableMailIdHeaderLosesOnlyTheLinkToTheMail() {
        assertThat(SesEvents.parse(notification(Fixtures.text("ses/complaint.json"))))
                .singleElement()
                .extracting(Feedback::mailId)
                .isNull();
    }

    @Test
    void aComplaintWithoutFeedbackTypeSaysJustComplaint() {
        String plain = Fixtures.text("ses/complaint.json").replace("\"complaintFeedbackType\": \"abuse\",", "");

        assertThat(SesEvents.parse(notification(plain)))
                .singleElement()
                .extracting(Feedback::evidence)
                .isEqualTo("Complaint reported by Amazon SES");
    }

    @Test
    void aDeliveryCarriesNoFeedback() {
        assertThat(SesEvents.parse(notification(Fixtures.text("ses/delivery.json"))))
                .isEmpty();
    }

    @Test
    void aSubscriptionConfirmationCarriesNoFeedback() {
        SnsMessage confirmation = new SnsMessage(SnsMessage.SUBSCRIPTION_CONFIRMATION, "m", "arn", "text", null);

        assertThat(SesEvents.parse(confirmation)).isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonIsABadPayload() {
        assertThatThrownBy(() -> SesEvents.parse(notification("Successfully validated SNS topic")))
                .isInstanceOf(BadPayload.class);
    }

    @Test
    void aBounceWithoutRecipientsIsABadPayloadNamingTheField() {
        String broken = Fixtures.text("ses/bounce-permanent.json").replace("bouncedRecipients", "recipients");

        assertThatThrownBy(() -> SesEvents.parse(notification(broken)))
                .isInstanceOf(BadPayload.class)
                .hasMessageContaining("bouncedRecipients");
    }

    @Test
    void aSignedSesNotificationVerifiesAndParses() {
        Instant now = Instant.parse("2031-05-01T12:00:00Z");
        String envelope = SnsTestSigner.notification(Fixtures.text("ses/bounce-permanent.json"), now);

        SnsMessage verified =
                new SnsMessages(SnsTestSigner.certificates(), Fixtures.at(now)).verify(Fixtures.utf8(envelope));

        assertThat(verified.topicArn()).isEqualTo(SnsTestSigner.TOPIC_ARN);
        assertThat(SesEvents.parse(verified)).extracting(Feedback::kind).containsExactly(Kind.HARD_BOUNCE);
    }

    private static SnsMessage notification(String message) {
        return new SnsMessage(SnsMessage.NOTIFICATION, "id", "arn:aws:sns:us-east-1:1:t", message, null);
    }
}
