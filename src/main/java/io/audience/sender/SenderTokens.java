package io.audience.sender;

import io.audience.identity.InstallationSecrets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The token of a sender address's confirmation link: account and address ids, signed with the installation's key. */
@Component
class SenderTokens {

    private static final int MAC_BYTES = 16;

    record Ref(UUID accountId, long emailId) {}

    private final InstallationSecrets secrets;

    SenderTokens(InstallationSecrets secrets) {
        this.secrets = secrets;
    }

    String sign(UUID accountId, long emailId) {
        ByteBuffer buffer = ByteBuffer.allocate(24 + MAC_BYTES);
        buffer.putLong(accountId.getMostSignificantBits()).putLong(accountId.getLeastSignificantBits()).putLong(emailId);
        buffer.put(mac(accountId, emailId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    Optional<Ref> verify(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 24 + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID accountId = new UUID(buffer.getLong(), buffer.getLong());
        long emailId = buffer.getLong();
        return MessageDigest.isEqual(Arrays.copyOfRange(raw, 24, raw.length), mac(accountId, emailId))
                ? Optional.of(new Ref(accountId, emailId))
                : Optional.empty();
    }

    private byte[] mac(UUID accountId, long emailId) {
        return Arrays.copyOf(secrets.hmac("sender-confirmation", accountId + "|" + emailId), MAC_BYTES);
    }
}
