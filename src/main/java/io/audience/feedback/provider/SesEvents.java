package io.audience.feedback.provider;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Amazon SES bounce and complaint notifications, in an SNS message that was verified first. Both
 * styles are read: SES notifications ({@code notificationType}) and configuration-set event
 * publishing ({@code eventType}); deliveries, sends, opens and the like carry no feedback.
 */
public final class SesEvents {

    static final String SOURCE = "ses";
    static final String NAME = "Amazon SES";
    static final String MAIL_ID_HEADER = "X-Audience-Mail-Id";

    private SesEvents() {}

    public static List<Feedback> parse(SnsMessage notification) {
        if (!notification.type().equals(SnsMessage.NOTIFICATION)) {
            return List.of();
        }
        JsonNode ses = Json.object(Json.read(notification.message(), "the SES notification"), "the SES notification");
        String type = Json.optionalText(ses, "notificationType");
        if (type == null) {
            type = Json.optionalText(ses, "eventType");
        }
        UUID mailId = mailId(ses.path("mail"));
        if ("Bounce".equals(type)) {
            return bounces(Json.object(ses.path("bounce"), "bounce"), mailId);
        }
        if ("Complaint".equals(type)) {
            return complaints(Json.object(ses.path("complaint"), "complaint"), mailId);
        }
        return List.of();
    }

    private static List<Feedback> bounces(JsonNode bounce, @Nullable UUID mailId) {
        // Undetermined means SES could not tell; counting it as soft lets repeats, not one, suppress.
        Kind kind = "Permanent".equals(Json.optionalText(bounce, "bounceType")) ? Kind.HARD_BOUNCE : Kind.SOFT_BOUNCE;
        String feedbackId = Json.text(bounce, "feedbackId");
        OffsetDateTime at = Json.time(bounce, "timestamp");
        List<JsonNode> recipients = recipients(bounce, "bouncedRecipients");
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode recipient = recipients.get(i);
            feedback.add(Reports.of(
                    kind,
                    Json.email(recipient, "emailAddress"),
                    SOURCE,
                    NAME,
                    eventId(feedbackId, i, recipients.size()),
                    mailId,
                    Json.optionalText(recipient, "status"),
                    Json.optionalText(recipient, "diagnosticCode"),
                    at));
        }
        return feedback;
    }

    private static List<Feedback> complaints(JsonNode complaint, @Nullable UUID mailId) {
        String feedbackId = Json.text(complaint, "feedbackId");
        OffsetDateTime at = Json.time(complaint, "timestamp");
        String feedbackType = Json.optionalText(complaint, "complaintFeedbackType");
        String detail = feedbackType == null ? null : "feedback type " + feedbackType;
        List<JsonNode> recipients = recipients(complaint, "complainedRecipients");
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            feedback.add(Reports.of(
                    Kind.COMPLAINT,
                    Json.email(recipients.get(i), "emailAddress"),
                    SOURCE,
                    NAME,
                    eventId(feedbackId, i, recipients.size()),
                    mailId,
                    null,
                    null,
                    at,
                    detail));
        }
        return feedback;
    }

    private static List<JsonNode> recipients(JsonNode parent, String field) {
        JsonNode recipients = parent.path(field);
        if (!recipients.isArray()) {
            throw new BadPayload(field + " must be an array");
        }
        Json.capped(recipients.size());
        return List.copyOf(recipients.values());
    }

    /** One feedbackId covers all recipients of a notification; each recipient needs its own id. */
    private static String eventId(String feedbackId, int index, int count) {
        return count == 1 ? feedbackId : feedbackId + "/" + index;
    }

    /** Our header, where "include original headers" is on for the identity. */
    private static @Nullable UUID mailId(JsonNode mail) {
        for (JsonNode header : mail.path("headers").values()) {
            if (MAIL_ID_HEADER.equalsIgnoreCase(header.path("name").asString(""))) {
                return Json.mailId(header.path("value").asString(""));
            }
        }
        return null;
    }
}
