package io.audience.consent;

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
    @ValueSource(
            strings = {
                "plainaddress",
                "@example.com",
                "jane@",
                "jane doe@example.com",
                "jane..doe@example.com",
                ".jane@example.com",
                "jane@localhost",
                "jane@127.0.0.1",
                "jane@exa_mple.com",
                "jane@-example.com",
                "ja\"ne@example.com",
                "jane@example..com",
                "jane@\u0000example.com",
                "",
                "jane@example-.com",
                "jane@example.com.",
                "j@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"
            })
    void invalidAddressesAreRefusedNamingTheField(String address) {
        assertThatThrownBy(() -> EmailAddresses.key("email_address.address", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("email_address.address");
    }

    @Test
    void aDomainIsMappedByIdna2008SoEszettIsNotDoubleS() {
        assertThat(EmailAddresses.key("email", "jane@straße.de"))
                .isEqualTo(EmailAddresses.key("email", "jane@xn--strae-oqa.de"))
                .isEqualTo(EmailAddresses.key("email", "JANE@XN--STRAE-OQA.DE"))
                .isEqualTo("jane@xn--strae-oqa.de")
                .isNotEqualTo(EmailAddresses.key("email", "jane@strasse.de"));
    }

    @Test
    void fullWidthAndDecomposedSpellingsOfADomainAreOneKey() {
        assertThat(EmailAddresses.key("email", "jane@ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo("jane@example.com");
        assertThat(EmailAddresses.key("email", "jane@Bu\u0308cher.example")).isEqualTo("jane@xn--bcher-kva.example");
        assertThat(EmailAddresses.key("email", "jane@例え。テスト")).isEqualTo("jane@xn--r8jz45g.xn--zckzah");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ja\u00a0ne@example.com",
                "ja\u200bne@example.com",
                "jane\u2028@example.com",
                "ja\u0085ne@example.com",
                "\u202ejane@example.com",
                "jane\u200e@example.com",
                "ja\ufeffne@example.com",
                "ja\u2060ne@example.com",
                "\u3000jane@example.com",
                "ja\u00adne@example.com",
                "ja\ue000ne@example.com"
            })
    void aLocalPartWithAnInvisibleCharacterIsRefusedNamingIt(String address) {
        int invisible = address.codePoints().filter(c -> c > 0x7e).findFirst().orElseThrow();
        assertThatThrownBy(() -> EmailAddresses.key("email_address.address", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("email_address.address")
                .hasMessageContaining(String.format("invisible character U+%04X", invisible));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@xn--abc.com", "jane@ex ample.com", "jane@exa\u00a0mple.com", "jane@xn--.com"})
    void anInvalidInternationalDomainIsRefused(String address) {
        assertThatThrownBy(() -> EmailAddresses.key("email", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("not a valid host name");
    }

    @Test
    void addressesLongerThanTheVendorLimitAreRefused() {
        String address = "a".repeat(70) + "@example.com";
        assertThatThrownBy(() -> EmailAddresses.key("email", address))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("at most 80");
    }
}
