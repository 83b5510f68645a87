package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedTokenIsWrittenReadableOnlyByItsOwnerAndKeptAcrossStarts() throws Exception {
        AdminToken first = new AdminToken("", dataDir);
        Path file = dataDir.resolve("admin-token");
        String token = Files.readString(file).strip();

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(token).startsWith("aud_").hasSizeGreaterThan(40);
        assertThat(first.matches(token)).isTrue();
        assertThat(new AdminToken("", dataDir).matches(token))
                .as("same token after a restart")
                .isTrue();
        assertThat(first.matches(token + "x")).isFalse();
    }

    @Test
    void configuredTokenWinsAndNoFileIsWritten() {
        AdminToken token = new AdminToken("operator-secret-of-24-chars", dataDir);
        assertThat(token.matches("operator-secret-of-24-chars")).isTrue();
        assertThat(Files.exists(dataDir.resolve("admin-token"))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches("operator")).isFalse();
    }

    @Test
    void aConfiguredTokenShorterThan24CharactersStopsTheServiceSayingWhy() {
        assertThatThrownBy(() -> new AdminToken("change-me", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUDIENCE_ADMIN_TOKEN has 9 characters; it must have at least 24");
        assertThat(new AdminToken("x".repeat(24), dataDir).matches("x".repeat(24)))
                .isTrue();
    }

    @Test
    void aShortTokenInTheFileStopsTheServiceToo() throws Exception {
        Files.writeString(dataDir.resolve("admin-token"), "short\n");
        assertThatThrownBy(() -> new AdminToken("", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin-token has 5 characters");
    }
}
