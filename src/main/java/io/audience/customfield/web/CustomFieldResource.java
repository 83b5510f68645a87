package io.audience.customfield.web;

import io.audience.customfield.CustomFieldView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's CustomField, as the API answers it. */
record CustomFieldResource(
        UUID customFieldId,
        String label,
        String name,
        String type,
        @Nullable Metadata metadata,
        @Nullable Integer version,
        @Nullable List<Choice> choices,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The vendor's metadata object, in requests and answers. */
    record Metadata(
            @Nullable String displayType,
            @Nullable Boolean allowNegative,
            @Nullable Integer decimalPlaces,
            @Nullable String currencyCode,
            @Nullable Boolean integer,
            @Nullable String displayFormat) {

        static @Nullable Metadata of(CustomFieldView.@Nullable Metadata m) {
            return m == null
                    ? null
                    : new Metadata(
                            m.displayType(),
                            m.allowNegative(),
                            m.decimalPlaces(),
                            m.currencyCode(),
                            m.integer(),
                            m.displayFormat());
        }

        CustomFieldView.Metadata command() {
            return new CustomFieldView.Metadata(
                    displayType, allowNegative, decimalPlaces, currencyCode, integer, displayFormat);
        }
    }

    record Choice(
            UUID customFieldId,
            int choiceId,
            String choiceLabel,
            int displayOrder,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    static CustomFieldResource of(CustomFieldView field) {
        List<Choice> choices = field.choices() == null
                ? null
                : field.choices().stream()
                        .map(c -> new Choice(
                                c.customFieldId(),
                                c.choiceId(),
                                c.choiceLabel(),
                                c.displayOrder(),
                                c.createdAt(),
                                c.updatedAt()))
                        .toList();
        return new CustomFieldResource(
                field.customFieldId(),
                field.label(),
                field.name(),
                field.type(),
                Metadata.of(field.metadata()),
                field.version(),
                choices,
                field.createdAt(),
                field.updatedAt());
    }
}
