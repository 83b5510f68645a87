package io.audience.sender;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One sender address of an account, in the vendor's shape (AccountEmails of /v3/account/emails). */
public record SenderAddress(
        String emailAddress,
        long emailId,
        String emailStatus,
        @Nullable OffsetDateTime confirmTime,
        @Nullable String confirmSourceType,
        List<String> roles,
        List<String> pendingRoles) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String UNCONFIRMED = "UNCONFIRMED";
}
