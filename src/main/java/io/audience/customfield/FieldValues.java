package io.audience.customfield;

import io.audience.api.ValidationFailed;
import io.audience.api.VendorDates;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks a value against its field's type, metadata and choices; the message names both. */
final class FieldValues {

    private FieldValues() {}

    static void check(String where, CustomFieldView field, FieldValue value) {
        String named =
                where + " (custom field \"" + field.label() + "\" " + field.customFieldId() + ", " + field.type() + ")";
        String text = value.value();
        if (text != null && text.length() > 255) {
            throw new ValidationFailed(named + ": value must be at most 255 characters");
        }
        switch (field.fieldType()) {
            case STRING -> {}
            case NUMBER, CURRENCY -> number(named, field, text);
            case DATE -> {
                if (text != null && !text.isEmpty() && VendorDates.parse(text).isEmpty()) {
                    throw new ValidationFailed(
                            named + ": value \"" + text + "\" is not a date as " + VendorDates.FORMATS);
                }
            }
            case BOOLEAN -> {
                if (text != null && !text.equals("true") && !text.equals("false")) {
                    throw new ValidationFailed(named + ": value \"" + text + "\" must be true or false");
                }
            }
            case SINGLE_SELECT, MULTI_SELECT -> choices(named, field, value.choiceIds());
        }
        if (!field.fieldType().hasChoices()
                && value.choiceIds() != null
                && !value.choiceIds().isEmpty()) {
            throw new ValidationFailed(named + ": choice_ids are only for single_select and multi_select fields");
        }
    }

    private static void number(String named, CustomFieldView field, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationFailed(named + ": value \"" + text + "\" is not a number");
        }
        CustomFieldView.Metadata metadata = field.metadata();
        boolean negativeAllowed = metadata != null && Boolean.TRUE.equals(metadata.allowNegative());
        if (number.signum() < 0 && !negativeAllowed) {
            throw new ValidationFailed(named + ": value \"" + text + "\" must not be negative");
        }
        if (metadata != null
                && Boolean.TRUE.equals(metadata.integer())
                && number.stripTrailingZeros().scale() > 0) {
            throw new ValidationFailed(named + ": value \"" + text + "\" must be a whole number");
        }
        if (metadata != null
                && metadata.decimalPlaces() != null
                && number.stripTrailingZeros().scale() > metadata.decimalPlaces()) {
            throw new ValidationFailed(
                    named + ": value \"" + text + "\" has more than " + metadata.decimalPlaces() + " decimal places");
        }
    }

    private static void choices(String named, CustomFieldView field, @Nullable List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ValidationFailed(named + ": choice_ids must name the chosen choice");
        }
        if (field.fieldType() == FieldType.SINGLE_SELECT && ids.size() != 1) {
            throw new ValidationFailed(named + ": choose exactly one choice, not " + ids.size());
        }
        Set<String> known = new HashSet<>();
        for (CustomFieldView.Choice choice :
                field.choices() == null ? List.<CustomFieldView.Choice>of() : field.choices()) {
            known.add(Integer.toString(choice.choiceId()));
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !known.contains(id.strip().replaceFirst("^0+(?=\\d)", ""))) {
                throw new ValidationFailed(named + ": choice " + id + " is not one of its choices " + known);
            }
            if (!seen.add(id)) {
                throw new ValidationFailed(named + ": choice " + id + " is chosen twice");
            }
        }
    }
}
