package io.audience.list;

import io.audience.api.NotFound;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Which lists a contact is on; used by contact writes, inside their transaction. */
@Service
public class ListMemberships {

    private final MembershipRepository memberships;
    private final ApplicationEventPublisher events;

    ListMemberships(MembershipRepository memberships, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.events = events;
    }

    /** Adds the contact to the lists; a list that is not a live list of the account is a 404. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        Set<UUID> wanted = new LinkedHashSet<>(listIds);
        if (wanted.isEmpty()) {
            return;
        }
        // Written before the check: a missing list throws, and the transaction takes the rows back.
        MembershipRepository.LiveAdded result = memberships.addToLive(accountId, contactId, wanted, now);
        requireAll(wanted, result.live());
        added(accountId, contactId, result.added(), now);
    }

    /** Adds the contact to those of the lists that are still live; a list deleted meanwhile is skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addLive(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        if (!listIds.isEmpty()) {
            added(
                    accountId,
                    contactId,
                    memberships.addToLive(accountId, contactId, listIds, now).added(),
                    now);
        }
    }

    /** Makes the contact's lists exactly {@code listIds}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        Set<UUID> lists = requireLive(accountId, listIds);
        Set<UUID> removed = lists.isEmpty()
                ? memberships.removeAll(accountId, contactId)
                : memberships.removeOthers(accountId, contactId, lists);
        Set<UUID> added = memberships.add(accountId, contactId, lists, now);
        publish(accountId, contactId, added, removed, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        publish(accountId, contactId, Set.of(), memberships.remove(accountId, contactId, listIds), now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removeAll(UUID accountId, UUID contactId, OffsetDateTime now) {
        publish(accountId, contactId, Set.of(), memberships.removeAll(accountId, contactId), now);
    }

    private void added(UUID accountId, UUID contactId, Set<UUID> added, OffsetDateTime now) {
        publish(accountId, contactId, added, Set.of(), now);
    }

    private void publish(UUID accountId, UUID contactId, Set<UUID> added, Set<UUID> removed, OffsetDateTime now) {
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publishEvent(new ListMembershipChanged(accountId, contactId, added, removed, now));
        }
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> listsOf(UUID accountId, Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? Map.of() : memberships.listsOf(accountId, contactIds);
    }

    /** The lists among {@code listIds} that are live lists of the account, held until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> live(UUID accountId, Collection<UUID> listIds) {
        return listIds.isEmpty() ? Set.of() : memberships.lockLiveLists(accountId, new LinkedHashSet<>(listIds));
    }

    /** Checks that every list is a live list of the account (404 otherwise), and holds them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> requireLive(UUID accountId, Collection<UUID> listIds) {
        Set<UUID> wanted = new LinkedHashSet<>(listIds);
        if (wanted.isEmpty()) {
            return wanted;
        }
        requireAll(wanted, memberships.lockLiveLists(accountId, wanted));
        return wanted;
    }

    private static void requireAll(Set<UUID> wanted, Set<UUID> live) {
        for (UUID listId : wanted) {
            if (!live.contains(listId)) {
                throw new NotFound("No list " + listId + " in this account (list_memberships)");
            }
        }
    }
}
