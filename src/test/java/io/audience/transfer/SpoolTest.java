package io.audience.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dataDir;

    @Test
    void filesLeftByAnEarlierRunAreDeletedAtStartUp() throws IOException {
        Path spool = Files.createDirectories(dataDir.resolve("spool"));
        Files.writeString(spool.resolve("left-by-a-crash.json"), "{\"import_data\": [");
        new Spool(dataDir);
        try (var left = Files.list(spool)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aReceivedBodyIsKeptUntilClosedAndAFailedOneIsDeletedAtOnce() throws IOException {
        Spool spool = new Spool(dataDir);
        Path kept;
        try (Spool.File file =
                spool.receive(new ByteArrayInputStream("body".getBytes(StandardCharsets.UTF_8)), ".json")) {
            kept = file.path();
            assertThat(Files.readString(kept)).isEqualTo("body");
        }
        assertThat(kept).doesNotExist();

        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10) {
                    throw new IOException("client went away");
                }
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                b[off] = (byte) read();
                return 1;
            }
        };
        assertThatThrownBy(() -> spool.receive(failing, ".csv")).hasMessage("client went away");
        try (var left = Files.list(dataDir.resolve("spool"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void theSpoolAndItsFilesAreReadableByTheirOwnerOnly() throws IOException {
        Path spoolDir = Files.createDirectories(dataDir.resolve("spool"));
        Files.setPosixFilePermissions(spoolDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Spool spool = new Spool(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir)))
                .isEqualTo("rwx------");
        try (Spool.File file = spool.create(".csv")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                    .isEqualTo("rw-------");
        }
    }
}
