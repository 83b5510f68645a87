package io.audience.account;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as the operator sees it. */
public record AccountView(
        UUID accountId,
        String name,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime disabledAt) {

    public boolean disabled() {
        return disabledAt != null;
    }
}
