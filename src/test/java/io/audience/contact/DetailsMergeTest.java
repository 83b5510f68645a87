package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetailsMergeTest {

    private static ContactDraft.Phone phone(String number, String kind) {
        return new ContactDraft.Phone(number, kind);
    }

    private static ContactDraft.Address address(String kind, String street, String city) {
        return new ContactDraft.Address(kind, street, city, null, null, null);
    }

    @Test
    void aPhoneOfAKindTheContactHasReplacesItsNumberAndANewKindIsAddedAfter() {
        assertThat(DetailsMerge.phones(
                        List.of(phone("1", "home"), phone("2", "work")),
                        List.of(phone("3", "work"), phone("4", "mobile"))))
                .containsExactly(phone("1", "home"), phone("3", "work"), phone("4", "mobile"));
    }

    @Test
    void aNumberTheContactHasIsLeftAsItIs() {
        List<ContactDraft.Phone> own = List.of(phone("1", "home"), phone("2", "work"));
        assertThat(DetailsMerge.phones(own, List.of(phone("2", "mobile")))).isEqualTo(own);
        assertThat(DetailsMerge.phones(own, List.of(new ContactDraft.Phone("1", null))))
                .isEqualTo(own);
    }

    @Test
    void aFourthPhoneTakesThePlaceOfTheContactsLast() {
        assertThat(DetailsMerge.phones(
                        List.of(phone("1", "home"), phone("2", "work"), phone("3", "mobile")),
                        List.of(phone("4", "other"))))
                .containsExactly(phone("1", "home"), phone("2", "work"), phone("4", "other"));
        assertThat(DetailsMerge.phones(
                        List.of(phone("1", "home"), phone("2", "work"), phone("3", "mobile")),
                        List.of(new ContactDraft.Phone("5", null))))
                .as("a sign-up's phone has no kind")
                .hasSize(3)
                .last()
                .isEqualTo(new ContactDraft.Phone("5", null));
    }

    @Test
    void anAddressOfAKindTheContactHasGetsThePartsSent() {
        assertThat(DetailsMerge.addresses(
                        List.of(address("home", "1 Main St", "Springfield")),
                        List.of(address("home", null, "Shelbyville"), address("work", "2 Elm St", null))))
                .containsExactly(address("home", "1 Main St", "Shelbyville"), address("work", "2 Elm St", null));
    }
}
