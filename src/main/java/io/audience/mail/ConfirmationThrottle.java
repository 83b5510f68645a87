package io.audience.mail;

import io.audience.identity.InstallationSecretRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * No mail cannon: every path that mails a confirmation link asks here first. At most one such mail
 * per address per window, a daily cap per address and one per account (UTC days). The address is
 * counted by a keyed hash, never stored.
 */
@Service
public class ConfirmationThrottle {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationThrottle.class);

    private final ThrottleRepository counters;
    private final InstallationSecretRepository secrets;
    private final Duration resendAfter;
    private final int perAddressPerDay;
    private final int perAccountPerDay;

    ConfirmationThrottle(
            ThrottleRepository counters,
            InstallationSecretRepository secrets,
            @Value("${audience.confirmation.resend-after}") Duration resendAfter,
            @Value("${audience.confirmation.daily-per-address}") int perAddressPerDay,
            @Value("${audience.confirmation.daily-per-account}") int perAccountPerDay) {
        if (resendAfter.isNegative() || perAddressPerDay < 1 || perAccountPerDay < 1) {
            throw new IllegalArgumentException(
                    "audience.confirmation.resend-after must be >= 0 and the daily caps >= 1, not " + resendAfter + ", "
                            + perAddressPerDay + ", " + perAccountPerDay);
        }
        this.counters = counters;
        this.secrets = secrets;
        this.resendAfter = resendAfter;
        this.perAddressPerDay = perAddressPerDay;
        this.perAccountPerDay = perAccountPerDay;
    }

    /**
     * Whether a confirmation mail to the address may go now; if so it is counted, in the caller's
     * transaction (a request that rolls back counts nothing). The address is counted before the
     * account, so an address refused by its own limits never uses the account's allowance; once
     * the account is over its cap nothing more goes that day, so the address's count does not matter.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean admit(UUID accountId, String emailKey, OffsetDateTime now) {
        LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        if (!counters.admitAddress(
                accountId, fingerprint(accountId, emailKey), now, now.minus(resendAfter), today, perAddressPerDay)) {
            log.debug("Confirmation mail to an address of account {} withheld: resend window or daily cap", accountId);
            return false;
        }
        if (!counters.admitAccount(accountId, today, perAccountPerDay)) {
            log.warn(
                    "Account {} reached its daily cap of {} confirmation mails; no more are sent today",
                    accountId,
                    perAccountPerDay);
            return false;
        }
        return true;
    }

    /** Erase: the counter of the address goes with the person's data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(UUID accountId, String emailKey) {
        counters.forget(accountId, fingerprint(accountId, emailKey));
    }

    private String fingerprint(UUID accountId, String emailKey) {
        return HexFormat.of().formatHex(secrets.hmac("confirmation-throttle", accountId + "|" + emailKey));
    }
}
