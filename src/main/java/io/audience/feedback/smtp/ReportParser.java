package io.audience.feedback.smtp;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.jspecify.annotations.Nullable;

/**
 * Reads a report mail: {@code multipart/report} with a {@code message/delivery-status} part (RFC
 * 3464, read by Angus Mail's DSN support) or a {@code message/feedback-report} part (RFC 5965 ARF,
 * whose fields are header lines). Anything else is no report.
 */
final class ReportParser {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern STATUS = Pattern.compile("^([245])\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_DIAGNOSTIC = 1000;

    private ReportParser() {}

    /** The report the mail holds, or null when it is no DSN or ARF report. */
    static @Nullable Report parse(byte[] mail) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(mail));
        if (!message.isMimeType("multipart/report")) {
            return null;
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null) {
            return null;
        }
        // Parsed as a plain multipart: the DSN jar's own multipart/report handler throws on the
        // loosely built reports some servers send.
        Multipart parts = new MimeMultipart(message.getDataHandler().getDataSource());
        String messageId = message.getMessageID();
        return switch (reportType.toLowerCase(Locale.ROOT)) {
            case "delivery-status" -> deliveryStatus(messageId, parts);
            case "feedback-report" -> complaint(messageId, parts);
            default -> null;
        };
    }

    private static @Nullable Report deliveryStatus(@Nullable String messageId, Multipart parts)
            throws MessagingException, IOException {
        List<Report.Failure> failures = new ArrayList<>();
        List<String> returnPaths = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                found = true;
                DeliveryStatus status = new DeliveryStatus(bytes(part));
                for (int r = 0; r < status.getRecipientDSNCount(); r++) {
                    Report.Failure failure = failure(status.getRecipientDSN(r));
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            } else if (isReturnedMessage(part)) {
                returnPaths.addAll(returnPaths(part));
            }
        }
        return found ? new Report(Report.Type.DELIVERY_STATUS, messageId, failures, null, returnPaths) : null;
    }

    /** A recipient whose Action is failed; delayed, delivered, relayed and expanded ones are no bounce. */
    private static Report.@Nullable Failure failure(InternetHeaders fields) {
        String action = field(fields, "Action");
        String status = field(fields, "Status");
        if (action == null || !action.equalsIgnoreCase("failed") || status == null) {
            return null;
        }
        Matcher code = STATUS.matcher(status);
        if (!code.find() || code.group(1).equals("2")) {
            return null;
        }
        String recipient = field(fields, "Final-Recipient");
        if (recipient == null) {
            recipient = field(fields, "Original-Recipient");
        }
        return new Report.Failure(
                address(recipient == null ? "" : recipient),
                code.group(),
                code.group(1).equals("5"),
                cut(field(fields, "Diagnostic-Code")));
    }

    private static @Nullable Report complaint(@Nullable String messageId, Multipart parts)
            throws MessagingException, IOException {
        String feedbackType = null;
        List<String> returnPaths = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/feedback-report")) {
                InternetHeaders fields = new InternetHeaders(bytes(part));
                feedbackType = field(fields, "Feedback-Type");
                if (feedbackType == null) {
                    feedbackType = "abuse";
                }
            } else if (isReturnedMessage(part)) {
                returnPaths.addAll(returnPaths(part));
            }
        }
        return feedbackType == null
                ? null
                : new Report(
                        Report.Type.COMPLAINT,
                        messageId,
                        List.of(),
                        feedbackType.toLowerCase(Locale.ROOT),
                        returnPaths);
    }

    private static boolean isReturnedMessage(BodyPart part) throws MessagingException {
        return part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers");
    }

    /** The Return-Path headers of the reported message: the envelope sender it was delivered with. */
    private static List<String> returnPaths(BodyPart part) throws MessagingException, IOException {
        InternetHeaders headers = new InternetHeaders(bytes(part));
        String[] values = headers.getHeader("Return-Path");
        List<String> found = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                found.add(address(value));
            }
        }
        return found;
    }

    /** The part's raw content (the DSN reader needs a stream that reports what is left). */
    private static InputStream bytes(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new ByteArrayInputStream(in.readAllBytes());
        }
    }

    private static @Nullable String field(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    /** {@code rfc822; jane@example.com} or {@code <jane@example.com>}: the address alone. */
    static String address(String field) {
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        Matcher angle = ANGLE.matcher(value);
        return (angle.find() ? angle.group(1) : value).strip();
    }

    private static @Nullable String cut(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_DIAGNOSTIC ? oneLine.substring(0, MAX_DIAGNOSTIC) : oneLine;
    }
}
