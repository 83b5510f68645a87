package io.audience.feedback.suppression;

import io.audience.api.ApiException;
import io.audience.api.ValidationFailed;
import io.audience.consent.EmailAddresses;
import io.audience.consent.Source;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of a suppression file, checked: the address, what happened to it, who opted it out and
 * when. The rules, pure: {@code reason} is {@code unsubscribed}, {@code bounced} or
 * {@code complained}; {@code source} ({@code Account} or {@code Contact}) counts for
 * {@code unsubscribed} only and defaults to {@code Account}; a complaint is always the person's;
 * {@code occurred_at} is an ISO-8601 date-time (UTC when it has no offset) or date (midnight UTC),
 * not in the future, and defaults to now.
 */
record SuppressionEntry(String emailKey, Kind kind, Source source, OffsetDateTime occurredAt) {

    /** The columns a file may have; {@code email} and {@code reason} are required. */
    static final java.util.List<String> COLUMNS = java.util.List.of("email", "reason", "source", "occurred_at");

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    enum Kind {
        UNSUBSCRIBED,
        BOUNCED,
        COMPLAINED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The row numbered {@code number} (1 is the first after the header), or a 400 naming the row and column. */
    static SuppressionEntry read(int number, Map<String, @Nullable String> cells, OffsetDateTime now) {
        String email = required(number, cells, "email");
        String emailKey;
        try {
            emailKey = EmailAddresses.key("email", email);
        } catch (ApiException e) {
            throw new ValidationFailed("row " + number + ", column email: " + e.getMessage());
        }
        Kind kind = kind(number, required(number, cells, "reason"));
        Source source = switch (kind) {
            case UNSUBSCRIBED -> source(number, cells.get("source"));
            case COMPLAINED -> Source.CONTACT;
            case BOUNCED -> Source.ACCOUNT;
        };
        return new SuppressionEntry(emailKey, kind, source, occurredAt(number, cells.get("occurred_at"), now));
    }

    /** What the address's history says of this row. */
    String evidence(UUID activityId) {
        String at = occurredAt.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_SECONDS);
        String what = kind == Kind.UNSUBSCRIBED ? "unsubscribed (" + source.wire() + ")" : kind.wire();
        return "suppression import " + activityId + ": " + what + " at " + at;
    }

    private static String required(int number, Map<String, @Nullable String> cells, String column) {
        String value = cells.get(column);
        if (value == null || value.isBlank()) {
            throw new ValidationFailed("row " + number + ", column " + column + ": is required");
        }
        return value.strip();
    }

    private static Kind kind(int number, String value) {
        for (Kind kind : Kind.values()) {
            if (kind.wire().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new ValidationFailed(
                "row " + number + ", column reason: must be unsubscribed, bounced or complained, not " + shown(value));
    }

    private static Source source(int number, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Source.ACCOUNT;
        }
        for (Source source : Source.values()) {
            if (source.wire().equalsIgnoreCase(value.strip())) {
                return source;
            }
        }
        throw new ValidationFailed(
                "row " + number + ", column source: must be Account or Contact, not " + shown(value));
    }

    private static OffsetDateTime occurredAt(int number, @Nullable String value, OffsetDateTime now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        String text = value.strip();
        OffsetDateTime at;
        try {
            if (text.length() == 10) {
                at = LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                at = OffsetDateTime.parse(text);
            } else {
                at = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("row " + number
                    + ", column occurred_at: must be an ISO-8601 date-time (2024-05-06T07:08:09Z) or date"
                    + " (2024-05-06), not " + shown(text));
        }
        if (at.isAfter(now)) {
            throw new ValidationFailed("row " + number + ", column occurred_at: " + shown(text) + " is in the future");
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** A cell as the message shows it: printable, and short. */
    private static String shown(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 40 ? "'" + printable.substring(0, 40) + "...'" : "'" + printable + "'";
    }
}
