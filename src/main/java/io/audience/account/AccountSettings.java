package io.audience.account;

import org.jspecify.annotations.Nullable;

/** GET/PUT /v3/account/settings (extension). */
public record AccountSettings(
        boolean confirmedOptIn,
        @Nullable String fromEmail,
        @Nullable String fromName) {

    static final AccountSettings DEFAULTS = new AccountSettings(false, null, null);
}
