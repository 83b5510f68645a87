package io.audience.consent;

import io.audience.api.ValidationFailed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The vendor's {@code permission_to_send} values. */
public enum Permission {
    IMPLICIT,
    EXPLICIT,
    PENDING_CONFIRMATION,
    UNSUBSCRIBED,
    TEMP_HOLD,
    NOT_SET;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sendable() {
        return this == IMPLICIT || this == EXPLICIT;
    }

    public static Permission fromWire(String field, String value) {
        for (Permission p : values()) {
            if (p.wire().equals(value)) {
                return p;
            }
        }
        throw new ValidationFailed(field + " must be one of "
                + Arrays.stream(values()).map(Permission::wire).collect(Collectors.joining(", ")) + ", not " + value);
    }
}
