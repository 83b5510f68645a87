package io.audience.consent;

import io.audience.api.ValidationFailed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whether mail reaches an address (an extension of {@code email_address}), apart from consent. */
public enum DeliveryStatus {
    DELIVERABLE,
    /** A temporary failure was reported; mail still goes. */
    SOFT_BOUNCED,
    /** A hard bounce, or too many soft ones: no mail goes until the account resets it. */
    BOUNCED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String field, String value) {
        for (DeliveryStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new ValidationFailed(field + " must be one of "
                + Arrays.stream(values()).map(DeliveryStatus::wire).collect(Collectors.joining(", ")) + ", not "
                + value);
    }
}
