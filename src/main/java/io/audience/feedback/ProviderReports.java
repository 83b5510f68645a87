package io.audience.feedback;

import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.feedback.provider.BadPayload;
import io.audience.feedback.provider.BadSignature;
import io.audience.feedback.provider.GenericEvents;
import io.audience.feedback.provider.MailgunEvents;
import io.audience.feedback.provider.PostmarkEvents;
import io.audience.feedback.provider.SendGridEvents;
import io.audience.feedback.provider.SesEvents;
import io.audience.feedback.provider.SnsMessage;
import io.audience.feedback.provider.SnsMessages;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A provider's post to a feedback endpoint: verified as that provider signs it before a byte of it
 * is believed, then each report recorded in its own transaction (a provider retries a whole batch
 * after a failure; reports recorded the first time are recognised and skipped).
 */
@Service
public class ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(ProviderReports.class);

    /** What became of a post. */
    public record Received(
            int reports,
            int recorded,
            int duplicates,
            int ignored,
            @Nullable String note) {}

    private final FeedbackEndpoints endpoints;
    private final FeedbackService feedback;
    private final SnsMessages sns;
    private final SubscriptionConfirmations confirmations;
    private final Clock clock;

    ProviderReports(
            FeedbackEndpoints endpoints,
            FeedbackService feedback,
            SnsCertificates certificates,
            SubscriptionConfirmations confirmations,
            Clock clock) {
        this.endpoints = endpoints;
        this.feedback = feedback;
        this.sns = new SnsMessages(certificates.source(), clock);
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /** {@code header} gives a request header by name, or null. */
    public Received receive(UUID endpointId, UnaryOperator<@Nullable String> header, byte[] body) {
        FeedbackEndpoints.Opened opened =
                endpoints.opened(endpointId).orElseThrow(() -> new NotFound("No feedback endpoint " + endpointId));
        FeedbackEndpoint endpoint = opened.endpoint();
        try {
            return switch (endpoint.provider()) {
                case SES -> ses(endpoint, body);
                case POSTMARK -> {
                    PostmarkEvents.authenticate(
                            header.apply("Authorization"), FeedbackEndpoint.POSTMARK_USER, secret(opened));
                    yield record(endpoint, PostmarkEvents.parse(body));
                }
                case MAILGUN -> {
                    MailgunEvents.verify(secret(opened), body, clock);
                    yield record(endpoint, MailgunEvents.parse(body));
                }
                case SENDGRID -> {
                    SendGridEvents.verify(
                            SendGridEvents.publicKey(Objects.requireNonNull(endpoint.publicKey())),
                            header.apply("X-Twilio-Email-Event-Webhook-Signature"),
                            header.apply("X-Twilio-Email-Event-Webhook-Timestamp"),
                            body,
                            clock);
                    yield record(endpoint, SendGridEvents.parse(body));
                }
                case GENERIC -> {
                    String id = header.apply("webhook-id");
                    GenericEvents.verify(
                            secret(opened),
                            id,
                            header.apply("webhook-timestamp"),
                            header.apply("webhook-signature"),
                            body,
                            clock);
                    yield record(endpoint, GenericEvents.parse(body, Objects.requireNonNull(id)));
                }
            };
        } catch (BadSignature e) {
            throw new Unverified(
                    "The request is not verified as " + endpoint.provider().wire() + " signs it: " + e.getMessage());
        } catch (BadPayload e) {
            throw new ValidationFailed(
                    "The request is no " + endpoint.provider().wire() + " event: " + e.getMessage());
        }
    }

    private Received ses(FeedbackEndpoint endpoint, byte[] body) {
        SnsMessage message;
        try {
            message = sns.verify(body);
        } catch (UncheckedIOException e) {
            throw new NotConfirmed("The SNS signing certificate could not be fetched now: " + e.getMessage());
        }
        if (!endpoint.topicArns().contains(message.topicArn())) {
            throw new Unverified("The topic " + message.topicArn() + " is not one of this endpoint's topic_arns");
        }
        return switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> {
                confirmations.confirm(Objects.requireNonNull(message.subscribeUrl()));
                yield new Received(0, 0, 0, 0, "subscription to " + message.topicArn() + " confirmed");
            }
            case SnsMessage.NOTIFICATION -> record(endpoint, SesEvents.parse(message));
            default -> new Received(0, 0, 0, 0, message.type() + " noted");
        };
    }

    private Received record(FeedbackEndpoint endpoint, List<Feedback> reports) {
        int recorded = 0;
        int duplicates = 0;
        int ignored = 0;
        for (Feedback report : reports) {
            try {
                if (feedback.record(endpoint.accountId(), report) == FeedbackService.Outcome.RECORDED) {
                    recorded++;
                } else {
                    duplicates++;
                }
            } catch (ValidationFailed e) {
                // An address we cannot read is nothing we could ever send to: skip it, keep the rest.
                log.debug("Skipped a {} report: {}", endpoint.provider().wire(), e.getMessage());
                ignored++;
            }
        }
        return new Received(reports.size(), recorded, duplicates, ignored, null);
    }

    private static String secret(FeedbackEndpoints.Opened opened) {
        return Objects.requireNonNull(opened.secret(), "this provider's endpoint has a secret");
    }
}
