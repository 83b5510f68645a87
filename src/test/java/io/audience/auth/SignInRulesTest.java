package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInRulesTest {

    @Test
    void aPasswordOfTwelveCharactersUpToSeventyTwoBytesIsAccepted() {
        AccountUsers.checkPassword("twelve chars", "a@b.example");
        AccountUsers.checkPassword("x".repeat(72), "a@b.example");
        AccountUsers.checkPassword("ünïcödé pässwörd", "a@b.example");
    }

    @Test
    void aPasswordTooShortTooLongForBcryptOrEqualToTheEmailIsRefused() {
        assertThatThrownBy(() -> AccountUsers.checkPassword("eleven char", "a@b.example"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> AccountUsers.checkPassword("ä".repeat(37), "a@b.example"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> AccountUsers.checkPassword("Long@Address.example", "long@address.example"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> AccountUsers.checkPassword(null, "a@b.example"))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void httpsAndLoopbackHttpRedirectUrisAreAccepted() {
        assertThat(OAuthClients.redirectUris(List.of(
                        "https://app.example/cb?x=1",
                        "http://127.0.0.1:8080/cb",
                        "http://localhost/cb",
                        "http://[::1]:9/cb")))
                .hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://app.example/cb",
                "https://app.example/cb#x",
                "/cb",
                "app.example/cb",
                "https:///cb",
                "custom:thing",
                "https://app.example/a b"
            })
    void otherRedirectUrisAreRefusedNamingTheEntry(String uri) {
        assertThatThrownBy(() -> OAuthClients.redirectUris(List.of("https://ok.example/cb", uri)))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("redirect_uris[1]");
    }

    @Test
    void noneOrMoreThanTenRedirectUrisAreRefused() {
        assertThatThrownBy(() -> OAuthClients.redirectUris(List.of())).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> OAuthClients.redirectUris(null)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> OAuthClients.redirectUris(java.util.Collections.nCopies(11, "https://a.example/cb")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("1 to 10");
    }
}
