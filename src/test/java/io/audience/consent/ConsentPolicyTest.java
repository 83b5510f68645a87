package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentPolicyTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T1 = T0.plusDays(1);

    private static ConsentState optedOutByContact() {
        return ConsentPolicy.contactOptsOut(ConsentPolicy.initial(Source.ACCOUNT, T0), "too many mails", T0);
    }

    @Test
    void newAddressWithNothingAskedStartsImplicitFromTheAccount() {
        ConsentState state = ConsentPolicy.initial(Source.ACCOUNT, T0);
        assertThat(state.permission()).isEqualTo(Permission.IMPLICIT);
        assertThat(state.optInSource()).isEqualTo(Source.ACCOUNT);
        assertThat(state.optInDate()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(
            value = Permission.class,
            names = {"IMPLICIT", "EXPLICIT", "NOT_SET"})
    void accountCannotMakeAnAddressThePersonOptedOutOfAnythingButUnsubscribed(Permission requested) {
        ConsentState optedOut = optedOutByContact();
        assertThatThrownBy(() -> ConsentPolicy.accountSets("a@example.com", optedOut, requested, T1))
                .isInstanceOf(ConsentViolation.class)
                .hasMessageContaining("opted out themselves")
                .hasMessageContaining("only the person can");
    }

    @Test
    void accountReassertingUnsubscribedOnAPersonsOptOutChangesNothing() {
        ConsentState optedOut = optedOutByContact();
        assertThat(ConsentPolicy.accountSets("a@example.com", optedOut, Permission.UNSUBSCRIBED, T1))
                .isEqualTo(optedOut);
    }

    @Test
    void accountCanUndoItsOwnOptOut() {
        ConsentState unsubscribed = ConsentPolicy.accountSets("a@example.com", null, Permission.UNSUBSCRIBED, T0);
        assertThat(unsubscribed.optOutSource()).isEqualTo(Source.ACCOUNT);

        ConsentState back = ConsentPolicy.accountSets("a@example.com", unsubscribed, Permission.IMPLICIT, T1);

        assertThat(back.permission()).isEqualTo(Permission.IMPLICIT);
        assertThat(back.optOutSource()).isNull();
        assertThat(back.optOutDate()).isNull();
        assertThat(back.optInDate()).isEqualTo(T1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Permission.class,
            names = {"PENDING_CONFIRMATION", "TEMP_HOLD"})
    void accountCannotSetStatesOnlyTheSystemOrThePersonReaches(Permission requested) {
        assertThatThrownBy(() -> ConsentPolicy.accountSets("a@example.com", null, requested, T0))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("permission_to_send");
    }

    @Test
    void signUpMakesANewOrAccountHeldAddressExplicitFromTheContact() {
        ConsentPolicy.SignUp fresh = ConsentPolicy.contactSignsUp(null, false, T0);
        assertThat(fresh.state().permission()).isEqualTo(Permission.EXPLICIT);
        assertThat(fresh.state().optInSource()).isEqualTo(Source.CONTACT);
        assertThat(fresh.needsConfirmation()).isFalse();

        ConsentState accountOptOut = ConsentPolicy.accountSets("a@example.com", null, Permission.UNSUBSCRIBED, T0);
        assertThat(ConsentPolicy.contactSignsUp(accountOptOut, false, T1)
                        .state()
                        .permission())
                .isEqualTo(Permission.EXPLICIT);
    }

    @Test
    void signUpAfterThePersonsOwnOptOutWaitsForTheirConfirmationAndStaysBlockedForTheAccount() {
        ConsentPolicy.SignUp signUp = ConsentPolicy.contactSignsUp(optedOutByContact(), false, T1);

        assertThat(signUp.needsConfirmation()).isTrue();
        assertThat(signUp.state().permission()).isEqualTo(Permission.PENDING_CONFIRMATION);
        assertThat(signUp.state().confirmStatus()).isEqualTo(ConfirmStatus.PENDING);
        assertThat(signUp.state().optedOutByContact()).isTrue();
        assertThatThrownBy(() -> ConsentPolicy.accountSets("a@example.com", signUp.state(), Permission.EXPLICIT, T1))
                .isInstanceOf(ConsentViolation.class);
    }

    @Test
    void confirmedOptInMakesEveryNewSignUpWaitForConfirmation() {
        ConsentPolicy.SignUp signUp = ConsentPolicy.contactSignsUp(null, true, T0);
        assertThat(signUp.needsConfirmation()).isTrue();
        assertThat(signUp.state().permission()).isEqualTo(Permission.PENDING_CONFIRMATION);

        ConsentState explicit = ConsentPolicy.contactSignsUp(null, false, T0).state();
        assertThat(ConsentPolicy.contactSignsUp(explicit, true, T1).needsConfirmation())
                .isFalse();
    }

    @Test
    void theOnlyWayBackFromThePersonsOptOutIsTheirConfirmation() {
        ConsentState confirmed = ConsentPolicy.contactConfirms(T1);
        assertThat(confirmed.permission()).isEqualTo(Permission.EXPLICIT);
        assertThat(confirmed.confirmStatus()).isEqualTo(ConfirmStatus.CONFIRMED);
        assertThat(confirmed.optInSource()).isEqualTo(Source.CONTACT);
        assertThat(confirmed.optedOutByContact()).isFalse();
    }

    @Test
    void resubscribeIsOnlyForThePersonsOwnOptOut() {
        ConsentState pending = ConsentPolicy.resubscribeRequested("a@example.com", optedOutByContact());
        assertThat(pending.permission()).isEqualTo(Permission.PENDING_CONFIRMATION);
        assertThat(pending.optedOutByContact()).isTrue();
        assertThatThrownBy(() ->
                        ConsentPolicy.resubscribeRequested("a@example.com", ConsentPolicy.initial(Source.ACCOUNT, T0)))
                .hasMessageContaining("nothing to resubscribe");
    }

    @Test
    void accountWithdrawingAPendingReconfirmationKeepsThePersonAsTheSourceOfTheOptOut() {
        ConsentState pending =
                ConsentPolicy.contactSignsUp(optedOutByContact(), false, T1).state();
        ConsentState back = ConsentPolicy.accountSets("a@example.com", pending, Permission.UNSUBSCRIBED, T1);
        assertThat(back.permission()).isEqualTo(Permission.UNSUBSCRIBED);
        assertThat(back.optOutSource()).isEqualTo(Source.CONTACT);
    }

    @Test
    void personsOptOutRecordsContactAsSourceWithReasonAndDate() {
        ConsentState state = optedOutByContact();
        assertThat(state.permission()).isEqualTo(Permission.UNSUBSCRIBED);
        assertThat(state.optOutSource()).isEqualTo(Source.CONTACT);
        assertThat(state.optOutReason()).isEqualTo("too many mails");
        assertThat(state.optOutDate()).isEqualTo(T0);
        assertThat(state.optedOutByContact()).isTrue();
    }

    @Test
    void personsOptOutOverridesAnAccountOptOut() {
        ConsentState accountOptOut = ConsentPolicy.accountSets("a@example.com", null, Permission.UNSUBSCRIBED, T0);
        ConsentState state = ConsentPolicy.contactOptsOut(accountOptOut, null, T1);
        assertThat(state.optOutSource()).isEqualTo(Source.CONTACT);
        assertThat(state.optedOutByContact()).isTrue();
    }
}
