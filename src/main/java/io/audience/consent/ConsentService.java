package io.audience.consent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent per address. Every write to an address first takes {@link #lock}, which serialises all
 * writers of that address (creates, sign-ups, updates) for the rest of their transaction; every
 * change is appended to the address's history in the same transaction.
 */
@Service
public class ConsentService {

    private final ConsentRepository consent;

    ConsentService(ConsentRepository consent) {
        this.consent = consent;
    }

    /** A held lock on one address, with what we knew of it when we took it (null: a new address). */
    public record AddressLock(UUID accountId, String emailKey, @Nullable ConsentState current, OffsetDateTime at) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public AddressLock lock(UUID accountId, String emailKey, OffsetDateTime now) {
        boolean isNew = consent.insertIfAbsent(accountId, emailKey, now);
        return new AddressLock(accountId, emailKey, isNew ? null : consent.lock(accountId, emailKey), now);
    }

    /** Applies {@code rule} to the locked address; records the change if there is one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ConsentState apply(AddressLock lock, @Nullable UUID contactId,
            UnaryOperator<@Nullable ConsentState> rule, Actor actor) {
        ConsentState current = lock.current();
        ConsentState next = rule.apply(current);
        if (current == null || !next.equals(current)) {
            consent.save(lock.accountId(), lock.emailKey(), next, lock.at());
            consent.append(lock.accountId(), lock.emailKey(), new ConsentEvent(
                    ConsentRepository.newEventId(), lock.at(), contactId,
                    current == null ? null : current.permission(), next.permission(),
                    actor.source(), actor.channel(), actor.actor(), actor.ip(), actor.userAgent(), actor.evidence()));
        }
        return next;
    }

    @Transactional(readOnly = true)
    public Optional<ConsentState> find(UUID accountId, String emailKey) {
        return consent.find(accountId, emailKey);
    }

    @Transactional(readOnly = true)
    public List<ConsentEvent> history(UUID accountId, String emailKey) {
        return consent.history(accountId, emailKey);
    }
}
