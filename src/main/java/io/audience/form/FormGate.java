package io.audience.form;

import io.audience.ratelimit.FormLimits;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a post to a public form passes before it may sign anyone up: the limit of its network
 * address (counted for every post, so guessing costs the same as posting), the proof of work, one
 * use per challenge, and the form's own limit (counted only for solved posts, so nobody can shut
 * a form without paying the work for every post).
 */
@Component
public class FormGate {

    private final FormLimits limits;
    private final ProofOfWork work;
    private final ChallengeRepository challenges;

    FormGate(FormLimits limits, ProofOfWork work, ChallengeRepository challenges) {
        this.limits = limits;
        this.work = work;
        this.challenges = challenges;
    }

    /** Seconds to wait, when the address has posted too often. */
    public OptionalLong limitAddress(String ip) {
        return limits.fromAddress(ip);
    }

    public ProofOfWork.Checked check(@org.jspecify.annotations.Nullable String payload, UUID formId) {
        return work.check(payload, formId);
    }

    /** False when the solution was used before. */
    public boolean spend(ProofOfWork.Checked solved) {
        if (solved.outcome() != ProofOfWork.Outcome.SOLVED) {
            throw new IllegalArgumentException("only a solved challenge is spent, not " + solved.outcome());
        }
        return challenges.spend(Objects.requireNonNull(solved.challenge()), Objects.requireNonNull(solved.expiresAt()));
    }

    /** Seconds to wait, when the form has taken all the sign-ups of the hour. */
    public OptionalLong limitForm(UUID formId) {
        return limits.toForm(formId);
    }
}
