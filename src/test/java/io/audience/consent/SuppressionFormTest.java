package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuppressionFormTest {

    @Test
    void anIdna2008KeyIsFingerprintedAsTheIdna2003KeyAnEarlierReleaseKept() {
        assertThat(SuppressionForm.of("jane@xn--strae-oqa.de")).isEqualTo("jane@strasse.de");
        assertThat(SuppressionForm.of(EmailAddresses.key("email", "jane@λς.example")))
                .as("final sigma as sigma")
                .isEqualTo(EmailAddresses.key("email", "jane@λσ.example"));
        assertThat(SuppressionForm.of("jane@xn--bcher-kva.example"))
                .as("the same in both")
                .isEqualTo("jane@xn--bcher-kva.example");
    }

    @Test
    void asciiKeysAreTheirOwnForm() {
        assertThat(SuppressionForm.of("jane@example.com")).isEqualTo("jane@example.com");
        assertThat(SuppressionForm.of("straße@example.com")).isEqualTo("straße@example.com");
    }
}
