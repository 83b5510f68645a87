package io.audience.confirmation;

import io.audience.account.AccountSettings;
import io.audience.account.AccountSettingsService;
import io.audience.account.ConfirmedSenders;
import io.audience.api.PublicUrl;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.ListConsent;
import io.audience.consent.Source;
import io.audience.identity.SignedIds;
import io.audience.mail.ConfirmationThrottle;
import io.audience.mail.Outbox;
import io.audience.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's own say: confirmation requests sent by mail, the confirming click, and the
 * unsubscribe link. Only the POST of a page changes anything (mail scanners follow GET links).
 */
@Service
public class ConfirmationService {

    private static final String TOKEN_PURPOSE = "confirmation";

    private final ConfirmationRepository confirmations;
    private final SignedIds tokens;
    private final ContactAddresses addresses;
    private final ConsentService consent;
    private final ListConsent listConsent;
    private final AccountSettingsService settings;
    private final ConfirmedSenders senders;
    private final Outbox outbox;
    private final ConfirmationThrottle throttle;
    private final MailTemplateService templates;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final String defaultFrom;
    private final Clock clock;

    ConfirmationService(
            ConfirmationRepository confirmations,
            SignedIds tokens,
            ContactAddresses addresses,
            ConsentService consent,
            ListConsent listConsent,
            AccountSettingsService settings,
            ConfirmedSenders senders,
            Outbox outbox,
            ConfirmationThrottle throttle,
            MailTemplateService templates,
            PublicUrl publicUrl,
            ApplicationEventPublisher events,
            @Value("${audience.confirmation-validity}") Duration validity,
            @Value("${audience.mail.default-from}") String defaultFrom,
            Clock clock) {
        this.confirmations = confirmations;
        this.tokens = tokens;
        this.addresses = addresses;
        this.consent = consent;
        this.listConsent = listConsent;
        this.settings = settings;
        this.senders = senders;
        this.outbox = outbox;
        this.throttle = throttle;
        this.templates = templates;
        this.publicUrl = publicUrl;
        this.events = events;
        this.validity = validity;
        this.defaultFrom = defaultFrom;
        this.clock = clock;
    }

    /**
     * Asks the person to confirm, by mail queued in the caller's transaction, unless the throttle
     * holds it back (a link sent moments ago still works); the caller answers the same either way,
     * so a client cannot tell, and cannot use us to mail-bomb the address.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> request(
            UUID accountId,
            String emailKey,
            String address,
            UUID contactId,
            List<UUID> listIds,
            Purpose purpose,
            OffsetDateTime now) {
        if (!throttle.admit(accountId, emailKey, now)) {
            return Optional.empty();
        }
        UUID confirmationId = UUID.randomUUID();
        confirmations.insert(new ConfirmationRepository.Stored(
                accountId, confirmationId, emailKey, contactId, purpose, listIds, now, now.plus(validity), null));
        AccountSettings account = sendable(settings.get(accountId), accountId);
        String confirmUrl = publicUrl.of("/confirm/" + tokens.sign(TOKEN_PURPOSE, accountId, confirmationId));
        String unsubscribeUrl = unsubscribeUrl(accountId, emailKey, now);
        RenderedMail words = templates.compose(accountId, purpose, account, confirmUrl, unsubscribeUrl);
        outbox.queue(
                new OutgoingMail(
                        accountId,
                        emailKey,
                        purpose.wire() + "_confirmation",
                        MailTexts.from(account, defaultFrom),
                        address,
                        words.subject(),
                        words.textBody(),
                        words.htmlBody(),
                        confirmUrl,
                        unsubscribeUrl),
                now);
        return Optional.of(confirmationId);
    }

    /** When a resubscribe request was already sent since the opt-out, if one was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OffsetDateTime> resubscribeRequestedSince(UUID accountId, String emailKey, OffsetDateTime since) {
        return confirmations.resubscribeRequestedSince(accountId, emailKey, since);
    }

    @Transactional(readOnly = true)
    public LinkStatus inspect(String token) {
        return tokens.verify(TOKEN_PURPOSE, token)
                .flatMap(ref -> confirmations.find(ref.accountId(), ref.id()))
                .map(c -> stillApplies(c) ? status(c, now()) : LinkStatus.NO_LONGER_APPLIES)
                .orElse(LinkStatus.INVALID);
    }

    @Transactional
    public LinkStatus confirm(String token, @Nullable String ip, @Nullable String userAgent) {
        Optional<ConfirmationRepository.Stored> found =
                tokens.verify(TOKEN_PURPOSE, token).flatMap(ref -> confirmations.lock(ref.accountId(), ref.id()));
        OffsetDateTime now = now();
        if (found.isEmpty() || status(found.get(), now) != LinkStatus.VALID) {
            return found.map(c -> status(c, now)).orElse(LinkStatus.INVALID);
        }
        ConfirmationRepository.Stored c = found.get();
        Actor person = new Actor(
                Source.CONTACT,
                Channel.LINK,
                "confirmation:" + c.confirmationId(),
                ip,
                userAgent,
                "confirmation " + c.confirmationId() + " (" + c.purpose().wire() + ", lists " + c.listIds() + ")");
        ConsentService.AddressLock lock = consent.lock(c.accountId(), c.emailKey(), person, now);
        // Checked under the address's lock, which a change of the contact's address takes too.
        if (!stillApplies(c)) {
            return LinkStatus.NO_LONGER_APPLIES;
        }
        consent.apply(lock, c.contactId(), current -> ConsentPolicy.contactConfirms(now), person);
        listConsent.rejoin(lock, c.contactId(), c.listIds(), person);
        confirmations.markConfirmed(c.accountId(), c.confirmationId(), now);
        events.publishEvent(new ContactConfirmed(c.accountId(), c.contactId(), c.listIds(), now));
        return LinkStatus.DONE;
    }

    @Transactional(readOnly = true)
    public LinkStatus inspectUnsubscribe(String token) {
        return confirmations.addressOfUnsubscribeToken(token).isPresent() ? LinkStatus.VALID : LinkStatus.INVALID;
    }

    /** RFC 8058 one-click, or the button of the unsubscribe page: the person's own opt-out. */
    @Transactional
    public LinkStatus unsubscribe(String token, boolean oneClick, @Nullable String ip, @Nullable String userAgent) {
        Optional<ConfirmationRepository.Address> address = confirmations.addressOfUnsubscribeToken(token);
        if (address.isEmpty()) {
            return LinkStatus.INVALID;
        }
        OffsetDateTime now = now();
        Actor person = new Actor(
                Source.CONTACT,
                Channel.LINK,
                "unsubscribe_link",
                ip,
                userAgent,
                oneClick ? "List-Unsubscribe one-click (RFC 8058)" : "unsubscribe page");
        ConsentService.AddressLock lock =
                consent.lock(address.get().accountId(), address.get().emailKey(), person, now);
        consent.apply(lock, null, current -> ConsentPolicy.contactOptsOut(current, null, now), person);
        return LinkStatus.DONE;
    }

    /** The address's unsubscribe link, for any mail sent to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String unsubscribeUrl(UUID accountId, String emailKey, OffsetDateTime now) {
        return publicUrl.of("/unsubscribe/" + confirmations.unsubscribeToken(accountId, emailKey, now));
    }

    /**
     * Mails the person the link to their preference page, when they ask for it on the account's
     * page. The same throttle as every confirmation mail holds it back (a link sent moments ago
     * still works), and the caller answers the same whether or not anything was sent.
     */
    @Transactional
    public void mailPreferenceLink(UUID accountId, String emailKey, String address) {
        OffsetDateTime now = now();
        if (!throttle.admit(accountId, emailKey, now)) {
            return;
        }
        AccountSettings account = sendable(settings.get(accountId), accountId);
        String token = confirmations.unsubscribeToken(accountId, emailKey, now);
        String preferencesUrl = publicUrl.of("/preferences/" + token);
        String unsubscribeUrl = publicUrl.of("/unsubscribe/" + token);
        outbox.queue(
                new OutgoingMail(
                        accountId,
                        emailKey,
                        "preference_link",
                        MailTexts.from(account, defaultFrom),
                        address,
                        "Your subscriptions",
                        "You asked for the link to choose which mail you get at this address.\n\n"
                                + "Open it to choose your lists or to unsubscribe from everything:\n"
                                + preferencesUrl + "\n\n"
                                + "If you did not ask for it, ignore this mail: nothing changes.\n",
                        null,
                        preferencesUrl,
                        unsubscribeUrl),
                now);
    }

    /** Erase: requests, links and unsent mail of the address go with the person's data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(UUID accountId, String emailKey) {
        confirmations.forget(accountId, emailKey);
        outbox.forget(accountId, emailKey);
        throttle.forget(accountId, emailKey);
    }

    /** A from_email saved before sender addresses were verified is not used until it is confirmed. */
    private AccountSettings sendable(AccountSettings account, UUID accountId) {
        String from = account.fromEmail();
        return from == null || senders.isConfirmed(accountId, from) ? account : account.withFromEmail(null);
    }

    /** The person confirmed an address; if their contact now has another one, the click is not about it. */
    private boolean stillApplies(ConfirmationRepository.Stored c) {
        return addresses
                .currentKey(c.accountId(), c.contactId())
                .filter(c.emailKey()::equals)
                .isPresent();
    }

    private static LinkStatus status(ConfirmationRepository.Stored c, OffsetDateTime now) {
        if (c.confirmedAt() != null) {
            return LinkStatus.USED;
        }
        return now.isAfter(c.expiresAt()) ? LinkStatus.EXPIRED : LinkStatus.VALID;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
