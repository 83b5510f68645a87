package io.audience.identity;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tokens of the links we mail: an account id and a record id, signed with the installation's key
 * for one purpose, so a forged or altered token, or one made for another purpose, is refused
 * before any lookup.
 */
@Component
public class SignedIds {

    private static final int IDS_BYTES = 32;
    private static final int MAC_BYTES = 16;

    public record Ref(UUID accountId, UUID id) {}

    private final InstallationSecretRepository secrets;

    SignedIds(InstallationSecretRepository secrets) {
        this.secrets = secrets;
    }

    public String sign(String purpose, UUID accountId, UUID id) {
        ByteBuffer buffer = ByteBuffer.allocate(IDS_BYTES + MAC_BYTES);
        buffer.putLong(accountId.getMostSignificantBits()).putLong(accountId.getLeastSignificantBits());
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        buffer.put(mac(purpose, accountId, id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public Optional<Ref> verify(String purpose, String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != IDS_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID accountId = new UUID(buffer.getLong(), buffer.getLong());
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        byte[] presented = Arrays.copyOfRange(raw, IDS_BYTES, raw.length);
        return MessageDigest.isEqual(presented, mac(purpose, accountId, id))
                ? Optional.of(new Ref(accountId, id))
                : Optional.empty();
    }

    // The signed text is the one confirmation links have always used, so links already mailed stay valid.
    private byte[] mac(String purpose, UUID accountId, UUID id) {
        return Arrays.copyOf(secrets.hmac(purpose, accountId + "|" + id), MAC_BYTES);
    }
}
