package io.audience.database;

import io.audience.identity.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a persistent data folder, robustly: zonky's defaults are made
 * for throw-away test databases, so this turns durability back on, stops a server orphaned by a
 * killed JVM before starting, refuses to run against any server but the one on our folder, and
 * lets nobody in without a password: a new folder is made with scram-sha-256 from its first
 * moment (initdb's own options), one of an earlier release is secured at its first start, and the
 * service connects as a role that is not a superuser ({@link DatabaseAccess}).
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final Path pgData;
    private final Path runtimeDir;
    private final Path credentialsFile;
    private final Path initdbPasswordFile;

    EmbeddedPostgresLauncher(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        this.pgData = root.resolve("postgres");
        this.runtimeDir = root.resolve("postgres-runtime");
        this.credentialsFile = root.resolve("postgres-credentials");
        this.initdbPasswordFile = root.resolve("postgres-initdb-password");
    }

    /** The running server and what the service connects with. */
    record Embedded(EmbeddedPostgres server, String user, String password) implements AutoCloseable {

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    Embedded start() {
        try {
            SecretFiles.privateDirectory(Objects.requireNonNull(pgData.getParent(), "pgData is root/postgres"));
            Files.createDirectories(pgData);
            Files.createDirectories(runtimeDir);
            stopOrphanedServer();
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            boolean earlierRelease = !fresh && !DatabaseAccess.demandsPasswords(pgData);
            PostgresCredentials credentials = PostgresCredentials.loadOrCreate(credentialsFile);
            if (!fresh && !earlierRelease && credentials.madeNow()) {
                Files.delete(credentialsFile);
                throw new IllegalStateException(credentialsFile + " is missing: the embedded PostgreSQL in " + pgData
                        + " cannot be opened without the passwords it holds; restore it from a backup");
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtimeDir.toFile())
                    .setPort(freeLoopbackPort())
                    .setPGStartupWait(STARTUP_WAIT)
                    // The service stops it when its context closes, after the jobs that use it: zonky's own
                    // shutdown hook would stop it at the same moment, under a job still writing.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // No Unix socket (its default, /tmp, is open to every local user): loopback TCP only.
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", credentials.superuserPassword());
            if (fresh) {
                // zonky hands these to initdb as --auth=... and --pwfile=...: the folder demands a
                // password from its first moment, there is no window in which anyone is trusted.
                writeOwnerOnly(initdbPasswordFile, credentials.superuserPassword());
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            if (!earlierRelease) {
                builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(initdbPasswordFile);
            }
            verifyItIsOurs(postgres);
            secure(postgres, credentials, earlierRelease);
            return new Embedded(postgres, PostgresCredentials.SERVICE_ROLE, credentials.servicePassword());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    private void secure(EmbeddedPostgres postgres, PostgresCredentials credentials, boolean earlierRelease)
            throws IOException {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            DatabaseAccess.secure(superuser, credentials);
            if (earlierRelease) {
                writeHba(pgData);
                try (Statement sql = superuser.createStatement()) {
                    sql.execute("select pg_reload_conf()");
                }
                log.info("Secured the embedded PostgreSQL of an earlier release: passwords in {}", credentialsFile);
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + pgData, e);
        }
        try {
            DatabaseAccess.verifyPasswordsRequired(postgres.getPort());
        } catch (IllegalStateException open) {
            postgres.close();
            throw open;
        }
    }

    private static void writeHba(Path pgData) {
        try {
            DatabaseAccess.writeHba(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pgData.resolve("pg_hba.conf"), e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    }

    private void stopOrphanedServer() throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process =
                lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive() && runsOnOurFolder(process.get())) {
            log.warn(
                    "Stopping PostgreSQL server {} left running on {} by an earlier process",
                    process.get().pid(),
                    pgData);
            fastShutdown(process.get());
        } else {
            log.info("Removing stale {}", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    private boolean runsOnOurFolder(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String commandLine = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains("postgres") && commandLine.contains(pgData.toString());
        } catch (IOException e) {
            // Without /proc we can only trust the pid file; postgres itself re-checks it on start.
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private void fastShutdown(ProcessHandle process) throws IOException {
        // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and checkpoints cleanly.
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "PostgreSQL server " + process.pid() + " on " + pgData + " did not stop within " + ORPHAN_STOP_WAIT
                            + "; stop it and start again",
                    e);
        }
    }

    private void verifyItIsOurs(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select current_setting('data_directory'), current_setting('fsync'),"
                                + " current_setting('synchronous_commit')")) {
            row.next();
            Path actual = Path.of(row.getString(1)).toRealPath();
            if (!actual.equals(pgData.toRealPath())) {
                postgres.close();
                throw new IllegalStateException("The PostgreSQL server on port " + postgres.getPort() + " serves "
                        + actual + ", not " + pgData + "; refusing to use it");
            }
            if (!"on".equals(row.getString(2)) || !"on".equals(row.getString(3))) {
                postgres.close();
                throw new IllegalStateException("The embedded PostgreSQL runs without fsync or synchronous_commit");
            }
            log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), actual);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not verify the embedded PostgreSQL", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
