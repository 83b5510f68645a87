package io.audience.consent;

import io.audience.api.ValidationFailed;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The consent rules (DESIGN.md section 3), pure: given what we hold for an address and what a
 * request wants, the state that follows, or a refusal. {@code current} is null for a new address.
 */
public final class ConsentPolicy {

    private static final Set<Permission> ACCOUNT_SETTABLE =
            Set.of(Permission.IMPLICIT, Permission.EXPLICIT, Permission.NOT_SET, Permission.UNSUBSCRIBED);

    private ConsentPolicy() {}

    /** A new address with nothing asked for starts implicit, as with the vendor. */
    public static ConsentState initial(Source source, OffsetDateTime at) {
        return new ConsentState(Permission.IMPLICIT, source, at, null, null, null, ConfirmStatus.OFF);
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
            throw new ConsentViolation(address, base);
        }
        if (requested == Permission.UNSUBSCRIBED) {
            return base.optedOut(Source.ACCOUNT, null, at);
        }
        return base.optedIn(requested, Source.ACCOUNT, at);
    }

    /** The person unsubscribes (their own request relayed by the business, or a link). */
    public static ConsentState contactOptsOut(@Nullable ConsentState current, @Nullable String reason, OffsetDateTime at) {
        ConsentState base = current != null ? current : notSet();
        if (base.optedOutByContact()) {
            return base;
        }
        return base.optedOut(Source.CONTACT, reason, at);
    }

    /**
     * The person signs up through a form. It never undoes the person's own opt-out: that takes a
     * confirmation, so the address keeps its state.
     */
    public static ConsentState contactSignsUp(@Nullable ConsentState current, OffsetDateTime at) {
        ConsentState base = current != null ? current : notSet();
        if (base.optedOutByContact()) {
            return base;
        }
        if (base.permission() == Permission.EXPLICIT) {
            return base;
        }
        return base.optedIn(Permission.EXPLICIT, Source.CONTACT, at);
    }

    private static ConsentState notSet() {
        return new ConsentState(Permission.NOT_SET, null, null, null, null, null, ConfirmStatus.OFF);
    }
}
