package io.audience.consent;

import java.util.UUID;

/**
 * Published in the transaction that changes an address's consent, once per entry appended to its
 * history; kept in the event publication registry until every listener has handled it.
 */
public record ConsentChanged(UUID accountId, String emailKey, ConsentEvent entry) {}
