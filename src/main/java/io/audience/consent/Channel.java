package io.audience.consent;

import java.util.Locale;

/** How a consent change reached us. */
public enum Channel {
    API,
    IMPORT,
    FORM,
    LINK,
    UI,
    /** A bounce report: the address's delivery state, recorded beside its consent. */
    BOUNCE,
    /** A spam complaint of the person (a feedback loop report): their opt-out. */
    COMPLAINT,
    /** A change the installation made to its own data, such as merging two keys of one mailbox. */
    MIGRATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
