package io.audience.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
            throw new IllegalStateException((configured.isBlank() ? "The operator token in " + file.toAbsolutePath()
                    : "AUDIENCE_ADMIN_TOKEN") + " has " + token.length() + " characters; it must have at least "
                    + MIN_LENGTH + " (generate one with: openssl rand -base64 32), or leave AUDIENCE_ADMIN_TOKEN unset to"
                    + " have one generated into " + file.toAbsolutePath());
        }
    }

    public boolean matches(String presented) {
        return Tokens.sameSecret(token, presented);
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Tokens.newToken() + "\n", StandardCharsets.UTF_8);
                    log.info("Generated an admin token in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    log.debug("Another process created {} first", file);
                }
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to generate a new admin token");
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the admin token " + file, e);
        }
    }
}
