package io.audience.consent;

import io.audience.api.Conflict;
import io.audience.api.ValidationFailed;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The consent rules (DESIGN.md section 3), pure: given what we hold for an address and what
 * happens, the state that follows, or a refusal. {@code current} is null for a new address.
 */
public final class ConsentPolicy {

    private static final Set<Permission> ACCOUNT_SETTABLE =
            Set.of(Permission.IMPLICIT, Permission.EXPLICIT, Permission.NOT_SET, Permission.UNSUBSCRIBED);

    /** The opt-out reason of a spam complaint: the person's opt-out, reported by their mailbox provider. */
    public static final String COMPLAINT = "complaint";

    private ConsentPolicy() {}

    /** What a sign-up leads to: a state, and whether the person must confirm by mail. */
    public record SignUp(ConsentState state, boolean needsConfirmation) {}

    /** A new address with nothing asked for starts implicit, as with the vendor. */
    public static ConsentState initial(Source source, OffsetDateTime at) {
        return new ConsentState(Permission.IMPLICIT, source, at, null, null, null, ConfirmStatus.OFF);
    }

    /** The evidence of the first event of an address restored from its suppression fingerprint; the date follows. */
    public static final String RESTORED_FROM_SUPPRESSION = "suppression: this address was erased after an opt-out on ";

    /** {@link #RESTORED_FROM_SUPPRESSION} and the opt-out's time in UTC, to the second (as the SQL of {@link ConsentInBulk}). */
    public static String restoredFromSuppression(OffsetDateTime optedOutAt) {
        return RESTORED_FROM_SUPPRESSION
                + optedOutAt
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'"));
    }

    /** An erased address that had opted out comes back opted out, as its fingerprint remembers. */
    public static ConsentState suppressed(Source optOutSource, OffsetDateTime optedOutAt) {
        return new ConsentState(Permission.UNSUBSCRIBED, null, null, optOutSource, optedOutAt, null, ConfirmStatus.OFF);
    }

    /** The business (API, UI, import) asks for a permission. */
    public static ConsentState accountSets(
            String address, @Nullable ConsentState current, Permission requested, OffsetDateTime at) {
        if (!ACCOUNT_SETTABLE.contains(requested)) {
            throw new ValidationFailed("email_address.permission_to_send " + requested.wire()
                    + " cannot be set by the account; it is reached only through the contact's own confirmation");
        }
        ConsentState base = current != null ? current : notSet();
        if (current != null && current.permission() == requested) {
            return current;
        }
        if (base.optedOutByContact()) {
            if (requested == Permission.UNSUBSCRIBED) {
                // Withdrawing a pending re-confirmation keeps the person's own opt-out on record.
                return base.withPermission(Permission.UNSUBSCRIBED);
            }
            throw new ConsentViolation(address, base);
        }
        if (requested == Permission.UNSUBSCRIBED) {
            return base.optedOut(Source.ACCOUNT, null, at);
        }
        return base.optedIn(requested, Source.ACCOUNT, at);
    }

    /** The person unsubscribes (a link, or their request relayed by the business). */
    public static ConsentState contactOptsOut(
            @Nullable ConsentState current, @Nullable String reason, OffsetDateTime at) {
        ConsentState base = current != null ? current : notSet();
        if (base.permission() == Permission.UNSUBSCRIBED && base.optedOutByContact()) {
            return base;
        }
        return base.optedOut(Source.CONTACT, reason, at);
    }

    /**
     * The person signs up through a form. After the person's own opt-out, or with confirmed opt-in
     * on, the address waits for the person's confirmation by mail; otherwise it is explicit at once.
     */
    public static SignUp contactSignsUp(@Nullable ConsentState current, boolean confirmedOptIn, OffsetDateTime at) {
        ConsentState base = current != null ? current : notSet();
        if (base.optedOutByContact() || base.permission() == Permission.PENDING_CONFIRMATION) {
            return new SignUp(base.awaitingConfirmation(), true);
        }
        if (base.permission() == Permission.EXPLICIT) {
            return new SignUp(base, false);
        }
        if (confirmedOptIn && !base.permission().sendable()) {
            return new SignUp(base.awaitingConfirmation(), true);
        }
        return new SignUp(base.optedIn(Permission.EXPLICIT, Source.CONTACT, at), false);
    }

    /** The business asks the person to resubscribe: possible only after the person's own opt-out. */
    public static ConsentState resubscribeRequested(String address, ConsentState current) {
        if (!current.optedOutByContact()) {
            throw new Conflict("The contact " + address + " has not unsubscribed themselves ("
                    + current.permission().wire() + "); there is nothing to resubscribe");
        }
        return current.awaitingConfirmation();
    }

    /** The person confirms by the link in our mail: the one way back after their own opt-out. */
    public static ConsentState contactConfirms(OffsetDateTime at) {
        return new ConsentState(Permission.EXPLICIT, Source.CONTACT, at, null, null, null, ConfirmStatus.CONFIRMED);
    }

    /**
     * Of two states of one mailbox (two keys found to be one), the stricter: the person's own
     * opt-out, then the account's, then the states that send nothing (pending, on hold, not set),
     * then implicit, then explicit consent.
     */
    public static ConsentState stricter(ConsentState a, ConsentState b) {
        return strictness(a) <= strictness(b) ? a : b;
    }

    private static int strictness(ConsentState state) {
        if (state.optedOutByContact()) {
            return 0;
        }
        return switch (state.permission()) {
            case UNSUBSCRIBED -> 1;
            case PENDING_CONFIRMATION -> 2;
            case TEMP_HOLD -> 3;
            case NOT_SET -> 4;
            case IMPLICIT -> 5;
            case EXPLICIT -> 6;
        };
    }

    static ConsentState notSet() {
        return new ConsentState(Permission.NOT_SET, null, null, null, null, null, ConfirmStatus.OFF);
    }
}
