package io.audience.form.web;

import io.audience.form.FormField;
import io.audience.form.SignUpForm;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A sign-up form on the wire (an extension): its definition, its public page and its snippet. */
record FormResource(
        UUID formId,
        String name,
        List<UUID> listIds,
        String consentText,
        int consentTextVersion,
        List<FieldResource> fields,
        @Nullable String successMessage,
        @Nullable String redirectUrl,
        List<String> allowedOrigins,
        String url,
        String embedHtml,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable List<VersionResource> consentTextVersions) {

    record FieldResource(@Nullable String name, @Nullable UUID customFieldId, String label, boolean required) {}

    record VersionResource(int version, String consentText, OffsetDateTime createdAt) {}

    static FormResource of(SignUpForm form, FormMarkup markup, @Nullable List<SignUpForm.Version> versions) {
        return new FormResource(
                form.formId(),
                form.name(),
                form.listIds(),
                form.consentText(),
                form.version(),
                form.fields().stream().map(FormResource::field).toList(),
                form.successMessage(),
                form.redirectUrl(),
                form.allowedOrigins(),
                markup.url(form),
                markup.embed(form),
                form.createdAt(),
                form.updatedAt(),
                versions == null
                        ? null
                        : versions.stream()
                                .map(v -> new VersionResource(v.version(), v.consentText(), v.createdAt()))
                                .toList());
    }

    private static FieldResource field(FormField field) {
        return new FieldResource(field.name(), field.customFieldId(), field.label(), field.required());
    }
}
