package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormRulesTest {

    @Test
    void anOriginIsKeptAsABrowserSendsIt() {
        assertThat(FormRules.origin("HTTPS://Shop.Example:443/")).isEqualTo("https://shop.example");
        assertThat(FormRules.origin("http://shop.example:80")).isEqualTo("http://shop.example");
        assertThat(FormRules.origin("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(FormRules.origin("https://xn--bcher-kva.example")).isEqualTo("https://xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "null",
                "shop.example",
                "https://shop.example/signup",
                "https://shop.example?x=1",
                "https://shop.example#top",
                "https://user:pw@shop.example",
                "ftp://shop.example",
                "javascript:alert(1)",
                "https://",
                " "
            })
    void whatIsNotAnOriginIsRefused(String value) {
        assertThatThrownBy(() -> FormRules.origin(value)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void theSameOriginWrittenTwoWaysCountsOnce() {
        assertThat(FormRules.allowedOrigins(List.of("https://shop.example", "HTTPS://SHOP.EXAMPLE:443")))
                .containsExactly("https://shop.example");
    }

    @Test
    void aRedirectMustBeAnAbsoluteWebAddressWithoutCredentials() {
        assertThat(FormRules.redirectUrl(" https://shop.example/thanks?from=form "))
                .isEqualTo("https://shop.example/thanks?from=form");
        assertThat(FormRules.redirectUrl("")).isNull();
        for (String bad : List.of("/thanks", "javascript:alert(1)", "data:text/html,x", "https://a:b@shop.example/")) {
            assertThatThrownBy(() -> FormRules.redirectUrl(bad)).as(bad).isInstanceOf(ValidationFailed.class);
        }
    }

    @Test
    void aFieldIsAContactFieldOrACustomFieldNeverBothAndNeverTwice() {
        UUID custom = UUID.randomUUID();
        assertThat(FormRules.fields(List.of(
                        new SignUpFormInput.Field("first_name", null, "  Your name ", true),
                        new SignUpFormInput.Field(null, custom, null, false))))
                .containsExactly(
                        new SignUpFormInput.Field("first_name", null, "Your name", true),
                        new SignUpFormInput.Field(null, custom, null, false));
        assertThatThrownBy(
                        () -> FormRules.fields(List.of(new SignUpFormInput.Field("first_name", custom, null, false))))
                .hasMessageContaining("either name or custom_field_id");
        assertThatThrownBy(() -> FormRules.fields(List.of(new SignUpFormInput.Field(null, null, null, false))))
                .hasMessageContaining("either name or custom_field_id");
        assertThatThrownBy(
                        () -> FormRules.fields(List.of(new SignUpFormInput.Field("email_address", null, null, true))))
                .hasMessageContaining("always asked");
        assertThatThrownBy(() -> FormRules.fields(List.of(
                        new SignUpFormInput.Field(null, custom, null, false),
                        new SignUpFormInput.Field(null, custom, "Again", false))))
                .hasMessageContaining("twice");
    }

    @Test
    void aFormNeedsANameWordingAndAtLeastOneList() {
        assertThatThrownBy(() -> FormRules.name("  ")).hasMessageContaining("name is required");
        assertThatThrownBy(() -> FormRules.consentText(null)).hasMessageContaining("consent_text is required");
        assertThatThrownBy(() -> FormRules.consentText("x".repeat(10_001))).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> FormRules.listIds(List.of())).hasMessageContaining("at least one list");
        assertThatThrownBy(() -> FormRules.consentText("a\u0000b")).hasMessageContaining("control characters");
        String id = UUID.randomUUID().toString();
        assertThat(FormRules.listIds(List.of(id, id))).hasSize(1);
    }
}
