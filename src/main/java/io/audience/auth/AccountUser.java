package io.audience.auth;

import io.audience.api.Privileges;
import java.util.Set;
import java.util.UUID;

/** A person who signs in to authorise apps for an account, with the vendor's role. */
public record AccountUser(UUID accountId, UUID userId, String emailKey, String emailAddress, String role) {

    public Set<String> privileges() {
        return Privileges.BY_ROLE.getOrDefault(role, Set.of());
    }
}
