package io.audience.contact;

import io.audience.account.AccountService;
import io.audience.confirmation.ConfirmationService;
import io.audience.confirmation.SubscriberLinks;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.EmailAddresses;
import io.audience.consent.ListConsent;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.list.ContactListView;
import io.audience.list.ListMemberships;
import io.audience.list.ListService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subscriber's preference page, reached with the token of their unsubscribe link: the account's
 * public lists with the person's choice for each. Leaving a list is the person's opt-out of it;
 * joining one while unsubscribed from everything is the person opting back in, which only they
 * can do. Lists the account did not make public are never shown nor touched.
 */
@Service
public class Preferences {

    private final SubscriberLinks links;
    private final ConfirmationService confirmations;
    private final ContactRepository contacts;
    private final ConsentService consent;
    private final ListConsent listConsent;
    private final ListService lists;
    private final ListMemberships memberships;
    private final AccountService accounts;
    private final Clock clock;

    Preferences(
            SubscriberLinks links,
            ConfirmationService confirmations,
            ContactRepository contacts,
            ConsentService consent,
            ListConsent listConsent,
            ListService lists,
            ListMemberships memberships,
            AccountService accounts,
            Clock clock) {
        this.links = links;
        this.confirmations = confirmations;
        this.contacts = contacts;
        this.consent = consent;
        this.listConsent = listConsent;
        this.lists = lists;
        this.memberships = memberships;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Choice(UUID listId, String name, @Nullable String description, boolean member) {}

    /** What the page shows; {@code contactId} null: the address has no contact to put on lists. */
    public record Page(
            String accountName,
            String emailAddress,
            boolean unsubscribed,
            @Nullable UUID contactId,
            List<Choice> lists) {}

    @Transactional(readOnly = true)
    public Optional<Page> page(String token) {
        return links.subscriberOf(token).map(s -> page(s.accountId(), s.emailKey()));
    }

    /**
     * Saves the person's choice: {@code wanted} are the public lists they ticked. Returns the page
     * as it is now, or empty for a token that is not (or no longer) valid.
     */
    @Transactional
    public Optional<Page> save(String token, Set<UUID> wanted, @Nullable String ip, @Nullable String userAgent) {
        Optional<SubscriberLinks.Subscriber> found = links.subscriberOf(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UUID accountId = found.get().accountId();
        String key = found.get().emailKey();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor person = new Actor(Source.CONTACT, Channel.LINK, "preference_page", ip, userAgent, "preference page");
        ConsentService.AddressLock lock = consent.lock(accountId, key, person, now);
        Optional<ContactRow> row = contacts.lockRowByEmail(accountId, key).filter(r -> r.deletedAt() == null);
        if (row.isPresent()) {
            UUID contactId = row.get().contactId();
            Set<UUID> member = Set.copyOf(
                    memberships.listsOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()));
            List<ContactListView> shown = lists.publicLists(accountId);
            boolean unsubscribed = lock.current() != null && lock.current().permission() == Permission.UNSUBSCRIBED;
            // Ticking a list while unsubscribed from everything is the person opting back in: once.
            boolean optingIn = unsubscribed && shown.stream().anyMatch(l -> wanted.contains(l.listId()));
            if (optingIn) {
                consent.apply(lock, contactId, c -> ConsentPolicy.contactConfirms(now), person);
            }
            for (ContactListView list : shown) {
                boolean isMember = member.contains(list.listId());
                boolean ticked = isMember && (!unsubscribed || optingIn);
                boolean wants = wanted.contains(list.listId());
                if (wants && !ticked) {
                    listConsent.join(lock, contactId, list.listId(), person);
                    memberships.addLive(accountId, contactId, List.of(list.listId()), now);
                } else if (!wants && ticked) {
                    memberships.remove(accountId, contactId, List.of(list.listId()), now);
                    listConsent.leave(lock, contactId, list.listId(), person);
                }
            }
        }
        return Optional.of(page(accountId, key));
    }

    /**
     * "Email me my link": mails the preference link to the address if the account has a contact
     * with it. Answers nothing, so the page cannot tell who is on the account's lists.
     */
    @Transactional
    public void mailLink(UUID accountId, String typedAddress) {
        String key = EmailAddresses.key("email_address", typedAddress);
        Optional<ContactRow> row = contacts.rowByEmail(accountId, key).filter(r -> r.deletedAt() == null);
        String address = row.map(ContactRow::emailAddress).orElse(null);
        if (address != null) {
            confirmations.mailPreferenceLink(accountId, key, address);
        }
    }

    /** The account's name for its "Email me my link" page; 404 for no such account or a disabled one. */
    @Transactional(readOnly = true)
    public String accountName(UUID accountId) {
        io.audience.account.AccountView account = accounts.get(accountId);
        if (account.disabled()) {
            throw new io.audience.api.NotFound("No account " + accountId);
        }
        return account.name();
    }

    private Page page(UUID accountId, String key) {
        Optional<ContactRow> row = contacts.rowByEmail(accountId, key).filter(r -> r.deletedAt() == null);
        UUID contactId = row.map(ContactRow::contactId).orElse(null);
        Set<UUID> member = contactId == null
                ? Set.of()
                : Set.copyOf(memberships.listsOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()));
        boolean unsubscribed = consent.find(accountId, key)
                .map(s -> s.permission() == Permission.UNSUBSCRIBED)
                .orElse(false);
        List<Choice> choices = contactId == null
                ? List.of()
                : lists.publicLists(accountId).stream()
                        .map(l -> new Choice(
                                l.listId(), l.name(), l.description(), !unsubscribed && member.contains(l.listId())))
                        .toList();
        String address = row.map(ContactRow::emailAddress).orElse(key);
        return new Page(
                accounts.get(accountId).name(), address == null ? key : address, unsubscribed, contactId, choices);
    }
}
