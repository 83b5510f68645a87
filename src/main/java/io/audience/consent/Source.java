package io.audience.consent;

import io.audience.api.ValidationFailed;

/** Who made a change: the business ({@code Account}) or the person ({@code Contact}). */
public enum Source {
    ACCOUNT("Account"),
    CONTACT("Contact");

    private final String wire;

    Source(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Source fromWire(String field, String value) {
        for (Source s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new ValidationFailed(field + " must be Account or Contact, not " + value);
    }
}
