package io.audience.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final String KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLS0tLS0=";

    @TempDir
    Path dataDir;

    @Test
    void aSealedValueOpensForItsContextOnlyAndNeverShowsThePlaintext() {
        MasterKey master = new MasterKey(KEY, dataDir);
        byte[] secret = "the signing key".getBytes(StandardCharsets.UTF_8);
        String sealed = master.seal(secret, "oauth_signing_key:1");
        assertThat(sealed).startsWith("v1.").doesNotContain("signing");
        assertThat(master.seal(secret, "oauth_signing_key:1"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(master.open(sealed, "oauth_signing_key:1")).isEqualTo(secret);
        assertThatThrownBy(() -> master.open(sealed, "oauth_signing_key:2"))
                .hasMessageContaining("altered, or moved from another row");
        // Flip a bit of the decoded bytes: editing the last base64 characters may only touch padding bits.
        String body = sealed.substring(sealed.lastIndexOf('.') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(body);
        bytes[bytes.length / 2] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> master.open(tampered, "oauth_signing_key:1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueSealedWithAnotherMasterKeyIsRefusedNamingBothKeys() {
        String sealed = new MasterKey(KEY, dataDir).seal(new byte[] {1, 2, 3}, "installation_secret:x");
        MasterKey other = new MasterKey("", dataDir);
        assertThatThrownBy(() -> other.open(sealed, "installation_secret:x"))
                .hasMessageContaining("encrypted with another master key")
                .hasMessageContaining("AUDIENCE_MASTER_KEY");
    }

    @Test
    void aGeneratedMasterKeyIsKeptInAFileOnlyItsOwnerCanReadAndReadAgainAtTheNextStart() throws Exception {
        MasterKey first = new MasterKey("", dataDir);
        Path file = dataDir.resolve("master-key");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String sealed = first.seal(new byte[] {42}, "c");
        assertThat(new MasterKey("", dataDir).open(sealed, "c")).containsExactly(42);
    }

    @Test
    void aMasterKeyThatIsNot32BytesOfBase64StopsTheService() {
        for (String bad : new String[] {"short", "not base64 at all!!", "dGVzdA=="}) {
            assertThatThrownBy(() -> new MasterKey(bad, dataDir))
                    .hasMessageContaining("must be 32 random bytes in base64");
        }
    }
}
