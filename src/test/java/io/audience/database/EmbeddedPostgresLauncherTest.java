package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void startsDurableOnItsOwnFolderAndIgnoresAStalePidFileOfAnotherProcess() throws Exception {
        try (EmbeddedPostgres first = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertThat(setting(first, "fsync")).isEqualTo("on");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThat(Path.of(setting(first, "data_directory")).toRealPath())
                    .isEqualTo(dataDir.resolve("postgres").toRealPath());
        }
        // A pid file naming a live process that is not our server (this JVM) must not stop the start.
        Files.writeString(dataDir.resolve("postgres").resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres") + "\n");

        try (EmbeddedPostgres second = new EmbeddedPostgresLauncher(dataDir).start()) {
            assertThat(setting(second, "fsync")).isEqualTo("on");
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet row = connection.createStatement().executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
