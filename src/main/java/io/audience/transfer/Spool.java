package io.audience.transfer;

import io.audience.identity.SecretFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files under {@code <data-dir>/spool}: an upload is received here in full before any transaction
 * starts, and an export or report is written here by the database before the client reads it, so
 * a slow client never holds a pool connection. Each file is deleted when its request ends; what a
 * crash left behind is deleted at start-up.
 */
@Component
public class Spool {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path directory;

    Spool(@Value("${audience.data-dir}") Path dataDir) throws IOException {
        // Spooled bodies and exports hold people's data: owner only, whatever the data folder's mode
        // (with a PostgreSQL server configured, nothing else makes that folder private).
        this.directory = SecretFiles.privateDirectory(dataDir.resolve("spool"));
        int left = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                left++;
            }
        }
        if (left > 0) {
            log.info("Deleted {} spool files left by an earlier run", left);
        }
    }

    /** A spool file that is deleted on close, whatever happened. */
    public static final class File implements AutoCloseable {

        private final Path path;

        private File(Path path) {
            this.path = path;
        }

        public Path path() {
            return path;
        }

        public InputStream read() throws IOException {
            return Files.newInputStream(path);
        }

        /** Buffered: COPY TO STDOUT writes a row at a time, a system call each without it. */
        public OutputStream write() throws IOException {
            return new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        }

        public long size() throws IOException {
            return Files.size(path);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Could not delete the spool file {}", path, e);
            }
        }
    }

    public File create(String suffix) {
        try {
            return new File(Files.createFile(directory.resolve(UUID.randomUUID() + suffix), OWNER_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spool file in " + directory, e);
        }
    }

    /** Receives a whole body into a new spool file; the caller's stream enforces its size limit. */
    public File receive(InputStream body, String suffix) throws IOException {
        File file = create(suffix);
        try (OutputStream out = file.write()) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return file;
    }
}
