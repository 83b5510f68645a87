package io.audience.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secrets an installation generates once and keeps in its data folder, in files only their owner
 * can read or write (mode 600): made on first start, read on every later one.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Makes {@code dir} (the data folder) reachable by its owner only (mode 700), creating it if
     * needed: nothing in it, the database's binaries included, can then be read or swapped by
     * another local user, whatever the modes inside.
     */
    public static Path privateDirectory(Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            Files.createDirectories(absolute);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
            if (!Files.getPosixFilePermissions(absolute).equals(ownerOnly)) {
                Files.setPosixFilePermissions(absolute, ownerOnly);
            }
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + dir.toAbsolutePath() + " private to its owner", e);
        }
    }

    /** The file's content, stripped; written first from {@code generate} when the file does not exist. */
    public static String readOrCreate(Path file, Supplier<String> generate) {
        try {
            if (!Files.exists(file)) {
                privateDirectory(Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory"));
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, generate.get() + "\n", StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // Another process made it first; read theirs.
                }
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException(file.toAbsolutePath() + " is empty; restore it from a backup");
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file.toAbsolutePath(), e);
        }
    }
}
