package io.audience.confirmation;

import io.audience.identity.InstallationSecrets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A confirmation link's token: the account and confirmation ids, signed with the installation's
 * key, so a forged or altered token is refused before any lookup.
 */
@Component
class ConfirmationTokens {

    private static final int MAC_BYTES = 16;

    record Ref(UUID accountId, UUID confirmationId) {}

    private final InstallationSecrets secrets;

    ConfirmationTokens(InstallationSecrets secrets) {
        this.secrets = secrets;
    }

    String sign(UUID accountId, UUID confirmationId) {
        ByteBuffer buffer = ByteBuffer.allocate(32 + MAC_BYTES);
        buffer.putLong(accountId.getMostSignificantBits()).putLong(accountId.getLeastSignificantBits());
        buffer.putLong(confirmationId.getMostSignificantBits()).putLong(confirmationId.getLeastSignificantBits());
        buffer.put(mac(accountId, confirmationId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    Optional<Ref> verify(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 32 + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID accountId = new UUID(buffer.getLong(), buffer.getLong());
        UUID confirmationId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] presented = Arrays.copyOfRange(raw, 32, raw.length);
        return MessageDigest.isEqual(presented, mac(accountId, confirmationId))
                ? Optional.of(new Ref(accountId, confirmationId))
                : Optional.empty();
    }

    private byte[] mac(UUID accountId, UUID confirmationId) {
        return Arrays.copyOf(secrets.hmac("confirmation", accountId + "|" + confirmationId), MAC_BYTES);
    }
}
