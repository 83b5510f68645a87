package io.audience.account;

import org.jspecify.annotations.Nullable;

/** GET/PUT /v3/account/settings (extension). */
public record AccountSettings(
        boolean confirmedOptIn,
        @Nullable String fromEmail,
        @Nullable String fromName,
        @Nullable String physicalAddress) {

    static final AccountSettings DEFAULTS = new AccountSettings(false, null, null, null);

    /** The same settings with another from address (null: the installation's default sender). */
    public AccountSettings withFromEmail(@Nullable String email) {
        return new AccountSettings(confirmedOptIn, email, fromName, physicalAddress);
    }

    /** The postal address on one line, its lines joined with commas; empty when the account has none. */
    public String physicalAddressLine() {
        if (physicalAddress == null) {
            return "";
        }
        return String.join(
                ", ",
                physicalAddress
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList());
    }
}
