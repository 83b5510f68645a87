package io.audience.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactValidationTest {

    @ParameterizedTest
    @CsvSource({
        "11/15/2006,2006-11-15",
        "1/5/2006,2006-01-05",
        "2006/11/15,2006-11-15",
        "2006/1/5,2006-01-05",
        "2006-11-15,2006-11-15",
        "2006-1-5,2006-01-05",
        "11-15-2006,2006-11-15",
        "1-5-2006,2006-01-05"
    })
    void anniversaryAcceptsEveryVendorFormat(String value, String expected) {
        assertThat(ContactValidation.anniversary(value)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15/11/2006", "2006-02-30", "Nov 15 2006", "20061115", "2006-11-15T00:00"})
    void anniversaryRefusesOtherFormatsAndImpossibleDates(String value) {
        assertThatThrownBy(() -> ContactValidation.anniversary(value))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("anniversary");
    }

    @Test
    void birthdayMonthAndDayGoTogether() {
        assertThatThrownBy(() -> ContactValidation.birthday(3, null)).hasMessageContaining("together");
        assertThatThrownBy(() -> ContactValidation.birthday(null, 3)).hasMessageContaining("together");
        assertThatThrownBy(() -> ContactValidation.birthday(13, 1)).hasMessageContaining("birthday_month");
        assertThatThrownBy(() -> ContactValidation.birthday(2, 30)).hasMessageContaining("birthday_day");
        ContactValidation.birthday(2, 29);
    }

    @Test
    void namesLongerThanFiftyCharactersAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ContactValidation.text("first_name", "x".repeat(51), 50))
                .hasMessageContaining("first_name")
                .hasMessageContaining("50");
        assertThat(ContactValidation.text("first_name", "x".repeat(50), 50)).hasSize(50);
    }

    @Test
    void postNeedsACreateSourceAndSomethingToIdentifyThePerson() {
        assertThatThrownBy(() -> ContactValidation.forCreate(input(null, "Jane", null, null)))
                .hasMessageContaining("create_source");
        assertThatThrownBy(() -> ContactValidation.forCreate(input("Account", null, null, null)))
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> ContactValidation.forCreate(input("Robot", "Jane", null, null)))
                .hasMessageContaining("create_source");
    }

    @Test
    void subResourceLimitsFollowTheSpec() {
        List<ContactRequests.PhoneNumberInput> phones =
                Collections.nCopies(4, new ContactRequests.PhoneNumberInput("555", "home"));
        assertThatThrownBy(() -> ContactValidation.forCreate(input("Account", "Jane", phones, null)))
                .hasMessageContaining("phone_numbers")
                .hasMessageContaining("3");
        List<String> lists = Collections.nCopies(51, "01a2266a-009f-797e-a050-e73896582242");
        assertThatThrownBy(() -> ContactValidation.forCreate(input("Account", "Jane", null, lists)))
                .hasMessageContaining("list_memberships")
                .hasMessageContaining("50");
    }

    @Test
    void signUpNeedsAnAddressAndAtLeastOneList() {
        assertThatThrownBy(() -> ContactValidation.forSignUp(signUp("a@example.com", List.of())))
                .hasMessageContaining("list_memberships");
        assertThatThrownBy(() -> ContactValidation.forSignUp(signUp(null, List.of("x"))))
                .hasMessageContaining("email_address");
        assertThatThrownBy(() -> ContactValidation.forSignUp(signUp("a@example.com", List.of("not-a-uuid"))))
                .hasMessageContaining("list_memberships[0]");
    }

    private static ContactRequests.ContactInput input(
            String createSource, String firstName, List<ContactRequests.PhoneNumberInput> phones, List<String> lists) {
        return new ContactRequests.ContactInput(
                null,
                firstName,
                null,
                null,
                null,
                createSource,
                null,
                null,
                null,
                null,
                phones,
                null,
                null,
                lists,
                null,
                null);
    }

    private static ContactRequests.SignUpInput signUp(String email, List<String> lists) {
        return new ContactRequests.SignUpInput(
                email, null, null, null, null, null, lists, null, null, null, null, null, null);
    }
}
