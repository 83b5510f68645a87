package io.audience.contact.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.contact.imports.ContactImports;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvPreviewTest {

    private static final Set<String> TARGETS = targets();

    private static Set<String> targets() {
        Set<String> targets = new HashSet<>(ContactImports.columns());
        targets.add("cf:shoe_size");
        return targets;
    }

    @Test
    void theVendorsOwnNamesAndCommonSpellingsAreRecognised() {
        Map<String, String> labels = Map.of("shoe size", "cf:shoe_size");
        assertThat(CsvPreview.guess("email", TARGETS, labels)).isEqualTo("email");
        assertThat(CsvPreview.guess("E-mail address", TARGETS, labels)).isEqualTo("email");
        assertThat(CsvPreview.guess("First Name", TARGETS, labels)).isEqualTo("first_name");
        assertThat(CsvPreview.guess("Company", TARGETS, labels)).isEqualTo("company_name");
        assertThat(CsvPreview.guess("Home City", TARGETS, labels)).isEqualTo("home_city");
    }

    @Test
    void aCustomFieldIsFoundByItsNameOrItsLabel() {
        Map<String, String> labels = Map.of("shoe size", "cf:shoe_size");
        assertThat(CsvPreview.guess("cf:shoe_size", TARGETS, labels)).isEqualTo("cf:shoe_size");
        assertThat(CsvPreview.guess("Shoe size", TARGETS, labels)).isEqualTo("cf:shoe_size");
        assertThat(CsvPreview.guess("shoe_size", TARGETS, Map.of())).isEqualTo("cf:shoe_size");
    }

    @Test
    void anUnknownColumnIsSkippedUntilThePersonChooses() {
        assertThat(CsvPreview.guess("Favourite colour", TARGETS, Map.of())).isEmpty();
        assertThat(CsvPreview.guess("sms_number", TARGETS, Map.of())).isEmpty();
    }
}
