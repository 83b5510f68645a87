package io.audience.confirmation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Published inside the confirming transaction: the contact's owner adds the lists and revives it. */
public record ContactConfirmed(UUID accountId, UUID contactId, List<UUID> listIds, OffsetDateTime at) {}
