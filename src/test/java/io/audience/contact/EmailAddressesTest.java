package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void identityIsTrimmedAndLowerCased() {
        assertThat(EmailAddresses.key("email", "  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
    }

    @Test
    void internationalDomainsAreOneIdentityWithTheirAsciiForm() {
        assertThat(EmailAddresses.key("email", "jose@Bücher.example"))
                .isEqualTo(EmailAddresses.key("email", "jose@xn--bcher-kva.example"))
                .isEqualTo("jose@xn--bcher-kva.example");
    }

    @Test
    void unicodeLocalPartsAreNormalisedToOneForm() {
        String composed = "jos\u00e9@example.com";
        String decomposed = "jose\u0301@example.com";
        assertThat(EmailAddresses.key("email", composed)).isEqualTo(EmailAddresses.key("email", decomposed));
    }

    @Test
    void displayKeepsWhatTheUserSent() {
        assertThat(EmailAddresses.display("email", " Jane@Example.com ")).isEqualTo("Jane@Example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "jane@", "jane doe@example.com", "jane..doe@example.com",
            ".jane@example.com", "jane@localhost", "jane@127.0.0.1", "jane@exa_mple.com", "jane@-example.com",
            "ja\"ne@example.com", "jane@example..com", "jane@\u0000example.com", "", "jane@example-.com",
            "jane@example.com.", "j@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"})
    void invalidAddressesAreRefusedNamingTheField(String address) {
        assertThatThrownBy(() -> EmailAddresses.key("email_address.address", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("email_address.address");
    }

    @Test
    void addressesLongerThanTheVendorLimitAreRefused() {
        String address = "a".repeat(70) + "@example.com";
        assertThatThrownBy(() -> EmailAddresses.key("email", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("at most 80");
    }
}
