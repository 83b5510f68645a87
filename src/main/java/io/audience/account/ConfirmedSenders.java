package io.audience.account;

import java.util.UUID;

/**
 * Whether an address is a confirmed sender address of the account (answered by the module that
 * verifies them): only such an address may be the account's from_email.
 */
public interface ConfirmedSenders {

    boolean isConfirmed(UUID accountId, String address);
}
