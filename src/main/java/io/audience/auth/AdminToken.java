package io.audience.auth;

import io.audience.identity.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's token for /admin and the actuator: AUDIENCE_ADMIN_TOKEN, or one generated on
 * first start into {@code <data dir>/admin-token}, readable only by its owner. A token shorter than
 * {@value #MIN_LENGTH} characters stops the service at start: it could be guessed.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    static final int MIN_LENGTH = 24;

    private final String token;

    AdminToken(@Value("${audience.admin-token:}") String configured, @Value("${audience.data-dir}") Path dataDir) {
        Path file = dataDir.resolve("admin-token");
        this.token = configured.isBlank() ? fromFile(file) : configured.strip();
        if (token.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    (configured.isBlank() ? "The operator token in " + file.toAbsolutePath() : "AUDIENCE_ADMIN_TOKEN")
                            + " has " + token.length() + " characters; it must have at least "
                            + MIN_LENGTH
                            + " (generate one with: openssl rand -base64 32), or leave AUDIENCE_ADMIN_TOKEN unset to"
                            + " have one generated into " + file.toAbsolutePath());
        }
    }

    public boolean matches(String presented) {
        return Tokens.sameSecret(token, presented);
    }

    private static String fromFile(Path file) {
        boolean existed = Files.exists(file);
        String stored = SecretFiles.readOrCreate(file, () -> Tokens.newToken());
        if (!existed) {
            log.info("Generated an admin token in {}", file.toAbsolutePath());
        }
        return stored;
    }
}
