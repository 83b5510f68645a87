package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.consent.Delivery;
import io.audience.consent.DeliveryStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T12:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(3, Duration.ofDays(14));

    @Test
    void aHardBounceBouncesADeliverableAddressAtOnceWithItsStatusAndWords() {
        Delivery after = policy.after(Delivery.DELIVERABLE, bounce(Feedback.Kind.HARD_BOUNCE, "5.1.1"), 0);
        assertThat(after.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(after.bouncedAt()).isEqualTo(AT);
        assertThat(after.bounceReason()).isEqualTo("5.1.1 smtp; 550 user unknown");
    }

    @Test
    void softBouncesBelowTheLimitOnlyMarkTheAddressSoftBounced() {
        assertThat(policy.after(Delivery.DELIVERABLE, bounce(Feedback.Kind.SOFT_BOUNCE, "4.2.2"), 2)
                        .status())
                .isEqualTo(DeliveryStatus.SOFT_BOUNCED);
    }

    @Test
    void theSoftBounceThatReachesTheLimitBouncesTheAddressAndSaysSo() {
        Delivery after = policy.after(Delivery.DELIVERABLE, bounce(Feedback.Kind.SOFT_BOUNCE, "4.2.2"), 3);
        assertThat(after.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(after.bounceReason()).startsWith("3 soft bounces within 14 days; the last: 4.2.2");
    }

    @Test
    void aSoftBounceNeverSoftensABouncedAddress() {
        Delivery bounced = new Delivery(DeliveryStatus.BOUNCED, AT.minusDays(1), "5.1.1 gone");
        assertThat(policy.after(bounced, bounce(Feedback.Kind.SOFT_BOUNCE, "4.2.2"), 1))
                .isEqualTo(bounced);
    }

    @Test
    void aComplaintLeavesTheDeliveryStateAlone() {
        assertThat(policy.after(Delivery.DELIVERABLE, bounce(Feedback.Kind.COMPLAINT, null), 0))
                .isEqualTo(Delivery.DELIVERABLE);
    }

    @Test
    void aReasonIsOneLineOfAtMostAThousandCharacters() {
        assertThat(DeliveryPolicy.reason("5.1.1", "line one\r\nline two")).isEqualTo("5.1.1 line one line two");
        assertThat(DeliveryPolicy.reason(null, "x".repeat(5000))).hasSize(1000);
        assertThat(DeliveryPolicy.reason(null, null)).isEqualTo("no status given");
    }

    @Test
    void aLimitBelowOneOrAnEmptyWindowIsRefusedAtStart() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, Duration.ofDays(1))).hasMessageContaining("soft-bounce-limit");
        assertThatThrownBy(() -> new DeliveryPolicy(3, Duration.ZERO)).hasMessageContaining("soft-bounce-window");
    }

    private static Feedback bounce(Feedback.Kind kind, String status) {
        return new Feedback(kind, "jane@example.com", "smtp", "id", null, status, "smtp; 550 user unknown", AT, "test");
    }
}
