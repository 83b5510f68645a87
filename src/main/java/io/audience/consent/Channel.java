package io.audience.consent;

import java.util.Locale;

/** How a consent change reached us. */
public enum Channel {
    API,
    IMPORT,
    FORM,
    LINK,
    UI;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
