package io.audience.database;

import io.audience.identity.SecretFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The passwords of the embedded PostgreSQL, generated at first start into {@code
 * <data dir>/postgres-credentials} (mode 600): the superuser's, which only the launcher uses, and
 * that of the role the service connects as, which owns the schema and is not a superuser.
 */
record PostgresCredentials(String superuserPassword, String servicePassword, boolean madeNow) {

    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "audience";
    private static final Pattern GENERATED = Pattern.compile("[A-Za-z0-9_-]{32,}");

    static PostgresCredentials loadOrCreate(Path file) {
        boolean existed = Files.exists(file);
        String text = SecretFiles.readOrCreate(
                file,
                () -> "# Passwords of the embedded PostgreSQL (scram-sha-256)."
                        + " Without this file its data cannot be opened: back it up with the data folder.\n"
                        + "superuser=" + SecretFiles.random(32) + "\n"
                        + SERVICE_ROLE + "=" + SecretFiles.random(32));
        Properties values = new Properties();
        try {
            values.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String superuser = values.getProperty("superuser", "");
        String service = values.getProperty(SERVICE_ROLE, "");
        if (!GENERATED.matcher(superuser).matches()
                || !GENERATED.matcher(service).matches()) {
            throw new IllegalStateException(file.toAbsolutePath() + " must hold the lines superuser=<password> and "
                    + SERVICE_ROLE + "=<password> (32 or more of A-Z a-z 0-9 _ -); restore it from a backup");
        }
        return new PostgresCredentials(superuser, service, !existed);
    }
}
