package io.audience.confirmation;

import java.util.Locale;

/** Why the person is asked to confirm. */
public enum Purpose {
    SIGNUP,
    RESUBSCRIBE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
