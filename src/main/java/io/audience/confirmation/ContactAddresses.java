package io.audience.confirmation;

import java.util.Optional;
import java.util.UUID;

/**
 * The address a contact has now, answered by the contact module (which depends on this one): a
 * confirmation applies only while the contact still has the address it was sent to.
 */
public interface ContactAddresses {

    /** The key of the contact's current address; empty when it has none or is gone. */
    Optional<String> currentKey(UUID accountId, UUID contactId);
}
