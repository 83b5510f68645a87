package io.audience.feedback.provider;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An SNS message whose signature was verified.
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or {@code
 *     UnsubscribeConfirmation}
 * @param message the payload; for SES notifications, the SES JSON
 * @param subscribeUrl for confirmations only; check it with {@link AwsCertificates#isSnsHost}
 *     before fetching it
 */
public record SnsMessage(
        String type,
        String messageId,
        String topicArn,
        String message,
        @Nullable URI subscribeUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";
}
