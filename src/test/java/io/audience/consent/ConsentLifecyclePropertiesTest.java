package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import io.audience.api.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of everything that can happen to one address, from both sources, played
 * through the consent rules: once the person opted out, the address is never sendable again
 * unless a later confirmation by the person is in its history.
 */
class ConsentLifecyclePropertiesTest {

    private static final String ADDRESS = "person@example.com";
    /** Sequences to generate; QuickTheories skips one it has already tried, so a few fewer are played. */
    private static final int CASES = 10_000;

    enum Kind {
        CREATE,
        PUT_ACCOUNT,
        PUT_CONTACT_UNSUBSCRIBE,
        DELETE,
        REVIVE,
        SIGN_UP,
        SIGN_UP_COI,
        RESUBSCRIBE,
        CONFIRM,
        UNSUBSCRIBE_LINK,
        ERASE,
        RECREATE
    }

    record Op(Kind kind, Permission permission) {}

    /** What the service keeps of one address: its consent (null when erased or never seen), and more. */
    static final class Address {
        @Nullable
        ConsentState consent;

        boolean suppressed;
        boolean confirmationPending;
        final List<String> history = new ArrayList<>();
        OffsetDateTime clock = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

        /** As ConsentService.lock: a new address comes back from its suppression fingerprint. */
        @Nullable
        ConsentState locked() {
            if (consent == null && suppressed) {
                consent = ConsentPolicy.suppressed(Source.CONTACT, clock);
                suppressed = false;
            }
            return consent;
        }

        void apply(Op op) {
            clock = clock.plusMinutes(1);
            try {
                switch (op.kind()) {
                    case CREATE, RECREATE, PUT_ACCOUNT -> {
                        ConsentState current = locked();
                        consent = current == null && op.kind() != Kind.PUT_ACCOUNT
                                ? ConsentPolicy.initial(Source.ACCOUNT, clock)
                                : ConsentPolicy.accountSets(ADDRESS, current, op.permission(), clock);
                    }
                    case PUT_CONTACT_UNSUBSCRIBE, UNSUBSCRIBE_LINK -> {
                        consent = ConsentPolicy.contactOptsOut(locked(), null, clock);
                        history.add("opt-out");
                    }
                    case DELETE, REVIVE -> locked();
                    case SIGN_UP, SIGN_UP_COI -> {
                        ConsentPolicy.SignUp signUp =
                                ConsentPolicy.contactSignsUp(locked(), op.kind() == Kind.SIGN_UP_COI, clock);
                        consent = signUp.state();
                        confirmationPending |= signUp.needsConfirmation();
                    }
                    case RESUBSCRIBE -> {
                        ConsentState current = locked();
                        if (current != null) {
                            consent = ConsentPolicy.resubscribeRequested(ADDRESS, current);
                            confirmationPending = true;
                        }
                    }
                    case CONFIRM -> {
                        if (confirmationPending && locked() != null) {
                            consent = ConsentPolicy.contactConfirms(clock);
                            confirmationPending = false;
                            history.add("confirmed");
                        }
                    }
                    case ERASE -> {
                        ConsentState current = locked();
                        suppressed = current != null && current.optOutSource() != null;
                        consent = null;
                        confirmationPending = false;
                    }
                }
            } catch (ApiException refused) {
                // A refused request changes nothing, as in the service.
            }
        }

        boolean sendable() {
            return consent != null && consent.permission().sendable();
        }

        /** Since the last opt-out by the person, has the person confirmed? */
        boolean personSaidYesSinceTheirLastNo() {
            int lastNo = history.lastIndexOf("opt-out");
            return lastNo < 0 || history.subList(lastNo, history.size()).contains("confirmed");
        }
    }

    @Test
    void anAddressThePersonOptedOutOfIsNeverSendableAgainWithoutTheirConfirmation() {
        qt().withExamples(CASES).forAll(operations()).checkAssert(operations -> {
            Address address = new Address();
            for (Op op : operations) {
                address.apply(op);
                if (address.sendable()) {
                    assertThat(address.personSaidYesSinceTheirLastNo())
                            .as("sendable after %s with history %s", operations, address.history)
                            .isTrue();
                }
                if (address.consent != null && address.consent.optedOutByContact()) {
                    assertThat(address.consent.permission().sendable()).isFalse();
                }
            }
        });
    }

    private static Gen<List<Op>> operations() {
        Gen<Op> op = arbitrary()
                .enumValues(Kind.class)
                .zip(
                        arbitrary()
                                .pick(
                                        Permission.IMPLICIT,
                                        Permission.EXPLICIT,
                                        Permission.NOT_SET,
                                        Permission.UNSUBSCRIBED,
                                        Permission.PENDING_CONFIRMATION,
                                        Permission.TEMP_HOLD),
                        Op::new);
        return lists().of(op).ofSizeBetween(1, 40);
    }
}
