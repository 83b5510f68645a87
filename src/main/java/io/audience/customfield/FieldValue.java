package io.audience.customfield;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact's value of one custom field, as the vendor's ContactCustomField: sent and returned alike. */
public record FieldValue(
        UUID customFieldId,
        @Nullable String value,
        @Nullable List<String> choiceIds) {}
