package io.audience.customfield.web;

import io.audience.customfield.FieldType;
import java.util.Arrays;
import java.util.List;

/** A custom field type as the console offers it: the API's value and words a person reads. */
public record FieldTypeOption(String value, String label) {

    public static final List<FieldTypeOption> ALL =
            Arrays.stream(FieldType.values()).map(FieldTypeOption::of).toList();

    static FieldTypeOption of(FieldType type) {
        String label = switch (type) {
            case STRING -> "Text";
            case NUMBER -> "Number";
            case CURRENCY -> "Currency";
            case DATE -> "Date";
            case BOOLEAN -> "Yes or no";
            case SINGLE_SELECT -> "One choice of a list";
            case MULTI_SELECT -> "Several choices of a list";
        };
        return new FieldTypeOption(type.wire(), label);
    }

    /** The words for a field's type, or the API's value for a type the console does not know. */
    public static String labelOf(String wire) {
        return ALL.stream()
                .filter(option -> option.value().equals(wire))
                .map(FieldTypeOption::label)
                .findFirst()
                .orElse(wire);
    }

    public boolean hasChoices() {
        return value.endsWith("_select");
    }
}
