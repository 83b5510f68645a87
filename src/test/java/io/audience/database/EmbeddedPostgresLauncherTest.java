package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void startsDurableOnItsOwnFolderAndIgnoresAStalePidFileOfAnotherProcess() throws Exception {
        try (EmbeddedPostgresLauncher.Embedded first = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertThat(setting(first.server(), "fsync")).isEqualTo("on");
            assertThat(setting(first.server(), "synchronous_commit")).isEqualTo("on");
            assertThat(Path.of(setting(first.server(), "data_directory")).toRealPath())
                    .isEqualTo(dataDir.resolve("postgres").toRealPath());
        }
        // A pid file naming a live process that is not our server (this JVM) must not stop the start.
        Files.writeString(
                dataDir.resolve("postgres").resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres") + "\n");

        try (EmbeddedPostgresLauncher.Embedded second = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertThat(setting(second.server(), "fsync")).isEqualTo("on");
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aNewFolderLetsNobodyInWithoutAPasswordAndTheServiceIsNoSuperuser() throws Exception {
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EmbeddedPostgresLauncher.Embedded db = new EmbeddedPostgresLauncher(dataDir).start()) {
            int port = db.server().getPort();
            assertRefusedWithoutPassword(port, "postgres");
            assertRefusedWithoutPassword(port, "audience");
            assertRefused(port, "audience", "a wrong password");
            try (Connection service = connect(port, db.user(), db.password());
                    Statement sql = service.createStatement();
                    ResultSet me = sql.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles"
                            + " where rolname = current_user")) {
                me.next();
                assertThat(me.getBoolean(1) || me.getBoolean(2) || me.getBoolean(3))
                        .isFalse();
                sql.execute("create table owned_by_the_service (x int)");
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres-credentials")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir))
                    .as("nobody else reaches the binaries or the data")
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
            assertThat(Files.exists(dataDir.resolve("postgres-initdb-password")))
                    .isFalse();
            assertThat(Path.of("/tmp", ".s.PGSQL." + port))
                    .as("no Unix socket for local users")
                    .doesNotExist();
            assertThat(setting(db.server(), "unix_socket_directories")).isEmpty();
        }
    }

    @Test
    void aFolderOfAnEarlierReleaseThatTrustedEveryoneIsSecuredAtItsFirstStart() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(
                                dataDir.resolve("postgres-runtime").toFile())
                        .start();
                Connection trusted = earlier.getPostgresDatabase().getConnection();
                Statement sql = trusted.createStatement()) {
            sql.execute("create table made_by_the_superuser (id serial primary key)");
        }
        try (EmbeddedPostgresLauncher.Embedded db = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertRefusedWithoutPassword(db.server().getPort(), "postgres");
            try (Connection service = connect(db.server().getPort(), db.user(), db.password());
                    Statement sql = service.createStatement();
                    ResultSet owner = sql.executeQuery(
                            "select tableowner from pg_tables" + " where tablename = 'made_by_the_superuser'")) {
                owner.next();
                assertThat(owner.getString(1)).isEqualTo("audience");
                sql.execute("insert into made_by_the_superuser default values");
            }
        }
        try (EmbeddedPostgresLauncher.Embedded again = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertRefusedWithoutPassword(again.server().getPort(), "audience");
        }
    }

    @Test
    void aSecuredFolderWhosePasswordsAreLostSaysSoInsteadOfWaiting() throws Exception {
        new EmbeddedPostgresLauncher(dataDir).start().close();
        Files.delete(dataDir.resolve("postgres-credentials"));
        assertThatThrownBy(() -> new EmbeddedPostgresLauncher(dataDir).start())
                .hasMessageContaining("postgres-credentials is missing");
        assertThat(Files.exists(dataDir.resolve("postgres-credentials")))
                .as("no new passwords were kept")
                .isFalse();
    }

    private static void assertRefusedWithoutPassword(int port, String user) {
        assertRefused(port, user, null);
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> connect(port, user, password).close())
                .as(user)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    static Connection connect(int port, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet row = connection.createStatement().executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
