package io.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(new AdminToken("", dataDir).matches(token)).as("same token after a restart").isTrue();
        assertThat(first.matches(token + "x")).isFalse();
    }

    @Test
    void configuredTokenWinsAndNoFileIsWritten() {
        AdminToken token = new AdminToken("operator-secret", dataDir);
        assertThat(token.matches("operator-secret")).isTrue();
        assertThat(Files.exists(dataDir.resolve("admin-token"))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches("operator")).isFalse();
    }
}
