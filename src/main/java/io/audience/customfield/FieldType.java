package io.audience.customfield;

import io.audience.api.ValidationFailed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data a custom field holds. */
public enum FieldType {
    STRING,
    NUMBER,
    CURRENCY,
    DATE,
    BOOLEAN,
    SINGLE_SELECT,
    MULTI_SELECT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean hasChoices() {
        return this == SINGLE_SELECT || this == MULTI_SELECT;
    }

    static FieldType fromWire(String value) {
        for (FieldType t : values()) {
            if (t.wire().equals(value)) {
                return t;
            }
        }
        throw new ValidationFailed("type must be one of "
                + Arrays.stream(values()).map(FieldType::wire).collect(Collectors.joining(", ")) + ", not " + value);
    }
}
