package io.audience.consent;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent to one list: a person who leaves a list on their preference page has opted out of it.
 * The account cannot put the address back on that list (a 409 for a contact write, a skip for a
 * bulk one); only the person can, on the page again or by clicking a confirmation. Each leave and
 * each return is appended to the address's history, naming the list.
 */
@Service
public class ListConsent {

    private final ListOptOutRepository optOuts;
    private final ConsentRepository consent;
    private final ApplicationEventPublisher events;

    ListConsent(ListOptOutRepository optOuts, ConsentRepository consent, ApplicationEventPublisher events) {
        this.optOuts = optOuts;
        this.consent = consent;
        this.events = events;
    }

    /** The lists the address left, with when. */
    @Transactional(readOnly = true)
    public Map<UUID, OffsetDateTime> left(UUID accountId, String emailKey) {
        return optOuts.left(accountId, emailKey);
    }

    /** The person leaves the list: recorded once, however often the page is saved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void leave(ConsentService.AddressLock lock, @Nullable UUID contactId, UUID listId, Actor actor) {
        if (optOuts.add(lock.accountId(), lock.emailKey(), listId, lock.at())) {
            record(lock, contactId, listId, actor, "left list " + listId);
        }
    }

    /** The person joins the list on their page: an opt-out of it goes, and the join is recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void join(ConsentService.AddressLock lock, @Nullable UUID contactId, UUID listId, Actor actor) {
        optOuts.remove(lock.accountId(), lock.emailKey(), List.of(listId));
        record(lock, contactId, listId, actor, "joined list " + listId);
    }

    /** The person comes back to lists they had left by clicking a confirmation that names them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rejoin(
            ConsentService.AddressLock lock, @Nullable UUID contactId, Collection<UUID> listIds, Actor actor) {
        if (listIds.isEmpty()) {
            return;
        }
        for (UUID listId : optOuts.remove(lock.accountId(), lock.emailKey(), listIds)) {
            record(lock, contactId, listId, actor, "rejoined list " + listId);
        }
    }

    private void record(
            ConsentService.AddressLock lock, @Nullable UUID contactId, UUID listId, Actor actor, String what) {
        ConsentState state = consent.find(lock.accountId(), lock.emailKey()).orElse(lock.current());
        Permission permission = state == null ? Permission.NOT_SET : state.permission();
        ConsentEvent entry = new ConsentEvent(
                ConsentRepository.newEventId(),
                lock.at(),
                contactId,
                permission,
                permission,
                actor.source(),
                actor.channel(),
                actor.actor(),
                actor.ip(),
                actor.userAgent(),
                actor.evidence() == null ? what : what + ": " + actor.evidence(),
                actor.statement(),
                listId);
        consent.append(lock.accountId(), lock.emailKey(), entry);
        events.publishEvent(new ConsentChanged(lock.accountId(), lock.emailKey(), entry));
    }
}
