package io.audience.confirmation;

/** What a confirmation or unsubscribe link is worth when a person opens it. */
public enum LinkStatus {
    VALID,
    DONE,
    USED,
    EXPIRED,
    /** The contact's address changed since the mail was sent: the link was for the old one. */
    NO_LONGER_APPLIES,
    INVALID
}
