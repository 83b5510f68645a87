package io.audience.form;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A form as the account writes it (POST and PUT replace the whole definition), already validated. */
public record SignUpFormInput(
        String name,
        List<UUID> listIds,
        String consentText,
        List<Field> fields,
        @Nullable String successMessage,
        @Nullable String redirectUrl,
        List<String> allowedOrigins) {

    /** A field to ask; without a label, the contact field's usual one or the custom field's own. */
    public record Field(
            @Nullable String name,
            @Nullable UUID customFieldId,
            @Nullable String label,
            boolean required) {}
}
