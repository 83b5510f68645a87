package io.audience.mail;

import io.audience.identity.InstallationSecretRepository;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The return path (VERP) of each mail, when a bounce domain is set: {@code bounce-<mail id><mac>@<domain>},
 * so a bounce names the mail it is about and nobody can make one up for another. The local part is
 * hex (relays may change its case) and 59 characters long (RFC 5321 allows 64), hence a mac of 10
 * bytes rather than the 64-character tokens of links.
 */
@Component
public class ReturnPaths {

    private static final String PURPOSE = "return_path";
    private static final String PREFIX = "bounce-";
    private static final int MAC_BYTES = 10;
    private static final HexFormat HEX = HexFormat.of();

    private final InstallationSecretRepository secrets;
    private final String domain;

    ReturnPaths(InstallationSecretRepository secrets, @Value("${audience.bounce-domain:}") String domain) {
        this.secrets = secrets;
        this.domain = domain.strip().toLowerCase(Locale.ROOT);
    }

    public boolean enabled() {
        return !domain.isEmpty();
    }

    /** The envelope sender of the mail, or empty when no bounce domain is set. */
    public Optional<String> of(UUID mailId) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + HEX.formatHex(bytes(mailId)) + HEX.formatHex(mac(mailId)) + "@" + domain);
    }

    /** The mail a bounce's recipient names, when the address is one of ours and its mac holds. */
    public Optional<UUID> mailOf(String recipient) {
        String address = recipient.strip().toLowerCase(Locale.ROOT);
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        if (!enabled() || at < 0 || !address.substring(at + 1).equals(domain)) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        if (!local.startsWith(PREFIX) || local.length() != PREFIX.length() + 2 * (16 + MAC_BYTES)) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = HEX.parseHex(local.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID mailId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] presented = Arrays.copyOfRange(raw, 16, raw.length);
        return MessageDigest.isEqual(presented, mac(mailId)) ? Optional.of(mailId) : Optional.empty();
    }

    private byte[] mac(UUID mailId) {
        return Arrays.copyOf(secrets.hmac(PURPOSE, mailId.toString()), MAC_BYTES);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
