package io.audience.feedback.provider;

import io.audience.feedback.Feedback;
import io.audience.feedback.Feedback.Kind;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds the normalized record, with the same evidence wording and length limits for every source. */
final class Reports {

    /** The servers' words are free text from outside; keep what a person needs, not a whole dump. */
    static final int MAX_DIAGNOSTIC = 1_000;

    static final int MAX_STATUS = 32;
    static final int MAX_EVIDENCE = 300;

    private Reports() {}

    static Feedback of(
            Kind kind,
            String email,
            String source,
            String sourceName,
            String providerEventId,
            @Nullable UUID mailId,
            @Nullable String status,
            @Nullable String diagnostic,
            OffsetDateTime occurredAt) {
        return of(kind, email, source, sourceName, providerEventId, mailId, status, diagnostic, occurredAt, diagnostic);
    }

    /** As above, with {@code detail} (a complaint's feedback type, say) in the evidence in place of the diagnostic. */
    static Feedback of(
            Kind kind,
            String email,
            String source,
            String sourceName,
            String providerEventId,
            @Nullable UUID mailId,
            @Nullable String status,
            @Nullable String diagnostic,
            OffsetDateTime occurredAt,
            @Nullable String detail) {
        String cleanStatus = clip(status, MAX_STATUS);
        String cleanDiagnostic = clip(diagnostic, MAX_DIAGNOSTIC);
        return new Feedback(
                kind,
                email,
                source,
                providerEventId,
                mailId,
                cleanStatus,
                cleanDiagnostic,
                occurredAt,
                evidence(kind, sourceName, cleanStatus, clip(detail, MAX_DIAGNOSTIC)));
    }

    /** "Hard bounce reported by Amazon SES: 5.1.1 smtp; 550 5.1.1 user unknown". */
    static String evidence(Kind kind, String sourceName, @Nullable String status, @Nullable String detail) {
        String what = switch (kind) {
            case HARD_BOUNCE -> "Hard bounce";
            case SOFT_BOUNCE -> "Soft bounce";
            case COMPLAINT -> "Complaint";
        };
        StringBuilder text = new StringBuilder(what).append(" reported by ").append(sourceName);
        String words = String.join(" ", nonBlank(status), nonBlank(detail)).strip();
        if (!words.isEmpty()) {
            text.append(": ").append(words);
        }
        String result = clip(text.toString(), MAX_EVIDENCE);
        return result == null ? what : result;
    }

    static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip().replaceAll("[\\r\\n\\t]+", " ");
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    private static String nonBlank(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
