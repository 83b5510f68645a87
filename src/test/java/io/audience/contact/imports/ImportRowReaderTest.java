package io.audience.contact.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import io.audience.contact.ContactDraft;
import io.audience.customfield.FieldsByNameFixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportRowReaderTest {

    private final ImportRowReader reader = new ImportRowReader(FieldsByNameFixtures.shoeSizeAndColour());

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void aRowIsReadIntoTheNormalisedAddressAndItsFields() {
        ImportRowReader.Read read = reader.read(row(
                "email",
                " Ann@Example.COM ",
                "first_name",
                "Ann",
                "birthday_month",
                "7",
                "birthday_day",
                "4",
                "anniversary",
                "2020-05-06",
                "last_name",
                ""));
        assertThat(read.emailKey()).isEqualTo("ann@example.com");
        assertThat(read.firstName()).isEqualTo("Ann");
        assertThat(read.lastName()).as("an empty cell is not sent").isNull();
        assertThat(read.birthdayMonth()).isEqualTo(7);
        assertThat(read.anniversary()).isEqualTo(LocalDate.of(2020, 5, 6));
        assertThat(read.extras()).isNull();
    }

    @Test
    void phonesAndAddressesTakeTheKindOfTheirColumn() {
        ImportRowReader.Read read = reader.read(row(
                "email",
                "a@example.com",
                "phone",
                "1",
                "work_phone",
                "2",
                "street",
                "1 Main St",
                "street2",
                "Apt 2",
                "work_city",
                "Springfield"));
        assertThat(read.extras().phones()).extracting(ContactDraft.Phone::kind).containsExactly("work", "other");
        assertThat(read.extras().addresses())
                .extracting(ContactDraft.Address::kind)
                .containsExactly("home", "work");
        assertThat(read.extras().addresses().get(0).street()).isEqualTo("1 Main St, Apt 2");
    }

    @Test
    void aRowWithFourPhonesFailsAsTheApiRefusesAFourthPhone() {
        assertThatThrownBy(() -> reader.read(row(
                        "email",
                        "a@example.com",
                        "home_phone",
                        "1",
                        "work_phone",
                        "2",
                        "mobile_phone",
                        "3",
                        "phone",
                        "4")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessage("phone columns: a contact has at most 3 phone numbers, not 4");
        assertThat(reader.read(row("email", "a@example.com", "home_phone", "1", "work_phone", "2", "mobile_phone", "3"))
                        .extras()
                        .phones())
                .hasSize(3);
    }

    @Test
    void customFieldColumnsAreCheckedAgainstTheirField() {
        ImportRowReader.Read read =
                reader.read(row("email", "a@example.com", "cf:shoe_size", "44", "cf:colour", "Red; blue"));
        assertThat(read.extras().fields()).hasSize(2);
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "cf:colour", "Mauve")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("\"Mauve\" is not a choice");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "cf:shoe_size", "big")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("is not a number");
    }

    @Test
    void aRowThatCannotBeImportedSaysWhy() {
        assertThatThrownBy(() -> reader.read(row("first_name", "Ann"))).hasMessage("email is required");
        assertThatThrownBy(() -> reader.read(row("email", "not an address"))).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(
                        () -> reader.read(row("email", "a@example.com", "birthday_month", "2", "birthday_day", "30")))
                .hasMessageContaining("birthday_day 30 does not exist in month 2");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "birthday_month", "2")))
                .hasMessageContaining("sent together");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "first_name", "x".repeat(51))))
                .hasMessageContaining("at most 50");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "anniversary", "someday")))
                .hasMessageContaining("anniversary");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "phone", "1", "other_phone", "2")))
                .hasMessageContaining("send one of them");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "sms_number", "+1555")))
                .hasMessageContaining("SMS");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "favourite_food", "pie")))
                .hasMessageContaining("unknown column \"favourite_food\"");
        assertThatThrownBy(() -> reader.read(row("email", "a@example.com", "cf:nothing", "x")))
                .hasMessageContaining("no custom field named \"nothing\"");
    }

    @Test
    void columnsAreCheckedOnceForAFileHeader() {
        assertThat(reader.columnProblem("home_street")).isNull();
        assertThat(reader.columnProblem("cf:Shoe_Size"))
                .as("custom field names ignore case")
                .isNull();
        assertThat(reader.columnProblem("sms_consent_date")).contains("SMS");
        assertThat(reader.columnProblem("fax")).contains("unknown column");
    }
}
