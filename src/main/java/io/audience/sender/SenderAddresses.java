package io.audience.sender;

import io.audience.account.ConfirmedSenders;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.PublicUrl;
import io.audience.api.ValidationFailed;
import io.audience.confirmation.LinkStatus;
import io.audience.consent.EmailAddresses;
import io.audience.identity.SignedIds;
import io.audience.mail.ConfirmationThrottle;
import io.audience.mail.Outbox;
import io.audience.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sender addresses are verified as the vendor does it: adding one mails a link to it, and only the
 * click of someone who reads that mailbox makes it CONFIRMED. Only a confirmed address may be the
 * account's from_email, so no account can send our mail in the name of a stranger.
 */
@Service
public class SenderAddresses implements ConfirmedSenders {

    /** How the vendor says the owner of the mailbox confirmed it. */
    static final String CONFIRMED_BY_LINK = "SITE_OWNER";

    private static final String TOKEN_PURPOSE = "sender-confirmation";

    private final SenderAddressRepository addresses;
    private final SignedIds tokens;
    private final Outbox outbox;
    private final ConfirmationThrottle throttle;
    private final PublicUrl publicUrl;
    private final Duration validity;
    private final String defaultFrom;
    private final Clock clock;

    SenderAddresses(
            SenderAddressRepository addresses,
            SignedIds tokens,
            Outbox outbox,
            ConfirmationThrottle throttle,
            PublicUrl publicUrl,
            @Value("${audience.confirmation-validity}") Duration validity,
            @Value("${audience.mail.default-from}") String defaultFrom,
            Clock clock) {
        this.addresses = addresses;
        this.tokens = tokens;
        this.outbox = outbox;
        this.throttle = throttle;
        this.publicUrl = publicUrl;
        this.validity = validity;
        this.defaultFrom = defaultFrom;
        this.clock = clock;
    }

    /** An address and when its confirmation was last asked for (what "waiting since" shows). */
    public record Entry(SenderAddress address, OffsetDateTime requestedAt) {}

    @Transactional(readOnly = true)
    public List<Entry> entries(UUID accountId) {
        return addresses.all(accountId).stream()
                .map(stored -> new Entry(stored.view(), stored.requestedAt()))
                .toList();
    }

    /** Mails the confirmation link of an unconfirmed address again, as adding it again does. */
    @Transactional
    public SenderAddress resend(UUID accountId, long emailId) {
        SenderAddressRepository.Stored stored = addresses
                .find(accountId, emailId)
                .orElseThrow(() -> new NotFound("No sender address " + emailId + " in this account"));
        return add(accountId, stored.view().emailAddress());
    }

    @Transactional(readOnly = true)
    public List<SenderAddress> list(UUID accountId, @Nullable String confirmStatus, @Nullable String emailAddress) {
        String status = null;
        if (confirmStatus != null) {
            status = confirmStatus.toUpperCase(Locale.ROOT);
            if (!status.equals(SenderAddress.CONFIRMED) && !status.equals(SenderAddress.UNCONFIRMED)) {
                throw new ValidationFailed("confirm_status must be CONFIRMED or UNCONFIRMED, not " + confirmStatus);
            }
        }
        String key = emailAddress == null ? null : EmailAddresses.key("email_address", emailAddress);
        return addresses.list(accountId, status, key);
    }

    /**
     * Adds the address (or asks again for one not yet confirmed) and mails it a confirmation link,
     * within the same limits as every other confirmation mail: a request held back by them answers
     * the same and sends nothing.
     */
    @Transactional
    public SenderAddress add(UUID accountId, @Nullable String emailAddress) {
        if (emailAddress == null) {
            throw new ValidationFailed("email_address is required");
        }
        String display = EmailAddresses.display("email_address", emailAddress);
        String key = EmailAddresses.key("email_address", display);
        OffsetDateTime now = now();
        SenderAddressRepository.Stored stored = addresses.upsertRequested(accountId, key, display, now);
        if (stored.view().emailStatus().equals(SenderAddress.CONFIRMED)) {
            throw new Conflict("email_address " + display + " is already a confirmed sender address of this account");
        }
        if (throttle.admit(accountId, key, now)) {
            String link = publicUrl.of(
                    "/confirm/sender/" + tokens.sign(TOKEN_PURPOSE, accountId, new UUID(0, stored.emailId())));
            outbox.queue(
                    new OutgoingMail(
                            accountId,
                            key,
                            "sender_confirmation",
                            defaultFrom,
                            display,
                            "Confirm your sender address",
                            "Someone asked to send mail from this address (" + display + ") through Audience.\n\n"
                                    + "If that was you, open this link and press the Confirm button (valid for "
                                    + validity.toDays() + " days):\n" + link + "\n\n"
                                    + "If not, ignore this mail: the address cannot be used as a sender until it is confirmed.\n",
                            null,
                            link,
                            ""),
                    now);
        }
        return stored.view();
    }

    @Transactional(readOnly = true)
    public LinkStatus inspect(String token) {
        return tokens.verify(TOKEN_PURPOSE, token)
                .flatMap(ref -> addresses.find(ref.accountId(), ref.id().getLeastSignificantBits()))
                .map(this::status)
                .orElse(LinkStatus.INVALID);
    }

    @Transactional
    public LinkStatus confirm(String token) {
        Optional<SenderAddressRepository.Stored> found = tokens.verify(TOKEN_PURPOSE, token)
                .flatMap(ref -> addresses.lock(ref.accountId(), ref.id().getLeastSignificantBits()));
        if (found.isEmpty()) {
            return LinkStatus.INVALID;
        }
        LinkStatus status = status(found.get());
        if (status != LinkStatus.VALID) {
            return status;
        }
        addresses.confirm(found.get().accountId(), found.get().emailId(), CONFIRMED_BY_LINK, now());
        return LinkStatus.DONE;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isConfirmed(UUID accountId, String address) {
        return addresses.isConfirmed(accountId, EmailAddresses.key("from_email", address));
    }

    private LinkStatus status(SenderAddressRepository.Stored stored) {
        if (stored.view().emailStatus().equals(SenderAddress.CONFIRMED)) {
            return LinkStatus.USED;
        }
        return now().isAfter(stored.requestedAt().plus(validity)) ? LinkStatus.EXPIRED : LinkStatus.VALID;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
