package io.audience.confirmation;

/** What a confirmation or unsubscribe link is worth when a person opens it. */
public enum LinkStatus {
    VALID,
    DONE,
    USED,
    EXPIRED,
    INVALID
}
