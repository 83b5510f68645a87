package io.audience.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignedIdsTest {

    /** A key per purpose, as the installation keeps one per name; no database needed for the rule. */
    private final SignedIds ids = new SignedIds(new InstallationSecretRepository(null, null, Clock.systemUTC()) {
        @Override
        public byte[] hmac(String keyName, String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keyName.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    });

    @Test
    void aSignedTokenGivesBackItsIdsForTheSamePurpose() {
        UUID account = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String token = ids.sign("confirmation", account, id);
        assertThat(ids.verify("confirmation", token)).contains(new SignedIds.Ref(account, id));
    }

    @Test
    void aTokenMadeForOnePurposeIsRefusedForAnother() {
        String token = ids.sign("sender-confirmation", UUID.randomUUID(), new UUID(0, 7));
        assertThat(ids.verify("confirmation", token)).isEmpty();
    }

    @Test
    void anAlteredTruncatedOrMalformedTokenIsRefused() {
        String token = ids.sign("confirmation", UUID.randomUUID(), UUID.randomUUID());
        char last = token.charAt(10);
        String altered = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        assertThat(ids.verify("confirmation", altered)).isEmpty();
        assertThat(ids.verify("confirmation", token.substring(0, token.length() - 2)))
                .isEmpty();
        assertThat(ids.verify("confirmation", "not base64 at all!")).isEmpty();
        assertThat(ids.verify("confirmation", "")).isEmpty();
    }
}
