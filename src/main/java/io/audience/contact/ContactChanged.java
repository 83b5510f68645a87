package io.audience.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A contact's lifecycle step, published in the transaction that makes it. It carries the id only:
 * a listener that needs the contact reads it as the API shows it, and an erased contact's event
 * holds no personal data.
 */
public record ContactChanged(UUID accountId, UUID contactId, Change change, OffsetDateTime at) {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED,
        REVIVED,
        ERASED
    }
}
