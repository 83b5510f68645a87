package io.audience.form;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A form as stored, with the current version of its consent wording. */
public record SignUpForm(
        UUID accountId,
        UUID formId,
        String name,
        List<UUID> listIds,
        String consentText,
        int version,
        List<FormField> fields,
        @Nullable String successMessage,
        @Nullable String redirectUrl,
        List<String> allowedOrigins,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** One wording the form has shown, and since when. */
    public record Version(int version, String consentText, OffsetDateTime createdAt) {}

    /** Whether a page on {@code origin} may fetch a challenge for and post to this form. */
    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }
}
