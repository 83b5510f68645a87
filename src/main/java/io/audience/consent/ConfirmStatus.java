package io.audience.consent;

import java.util.Locale;

public enum ConfirmStatus {
    PENDING,
    CONFIRMED,
    OFF;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
