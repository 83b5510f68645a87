package io.audience.customfield;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's CustomField. */
public record CustomFieldView(
        UUID customFieldId,
        String label,
        String name,
        String type,
        @Nullable Metadata metadata,
        @Nullable Integer version,
        @Nullable List<Choice> choices,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Metadata(
            @Nullable String displayType,
            @Nullable Boolean allowNegative,
            @Nullable Integer decimalPlaces,
            @Nullable String currencyCode,
            @Nullable Boolean integer,
            @Nullable String displayFormat) {}

    public record Choice(
            UUID customFieldId,
            int choiceId,
            String choiceLabel,
            int displayOrder,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    FieldType fieldType() {
        return FieldType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }
}
