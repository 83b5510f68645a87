package io.audience.list;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The lists a contact was really added to or removed from (a list it was already on is not in
 * {@code added}), published in the transaction that changes them.
 */
public record ListMembershipChanged(
        UUID accountId, UUID contactId, Set<UUID> added, Set<UUID> removed, OffsetDateTime at) {}
