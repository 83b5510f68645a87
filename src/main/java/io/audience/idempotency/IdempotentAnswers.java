package io.audience.idempotency;

import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The answers kept for replay under an Idempotency-Key, as other capabilities need to touch them. */
@Service
public class IdempotentAnswers {

    private final IdempotencyRepository keys;

    IdempotentAnswers(IdempotencyRepository keys) {
        this.keys = keys;
    }

    /** Erase: every kept answer that names the person, by contact id or address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetNaming(UUID accountId, Collection<String> idsAndAddresses) {
        keys.forgetAnswersNaming(accountId, idsAndAddresses);
    }
}
