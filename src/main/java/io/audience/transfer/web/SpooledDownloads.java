package io.audience.transfer.web;

import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Sends an export or a report: the database writes it into a spool file at its own speed (the
 * connection goes back to the pool when that is done), then the file is sent at the client's speed.
 * Written on the request thread, not asynchronously, so no async request timeout cuts a long
 * download; one account runs at most {@code audience.transfers.downloads-per-account} at once.
 */
@Component
@NamedInterface("web")
public class SpooledDownloads {

    private final Spool spool;
    private final TransferSlots slots;

    SpooledDownloads(Spool spool, TransferSlots slots) {
        this.spool = spool;
        this.slots = slots;
    }

    /** What the database writes into the spool file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Sends the content; {@code filename}, when given, makes it an attachment of that name. */
    public void send(
            UUID accountId,
            HttpServletResponse response,
            String contentType,
            @Nullable String filename,
            Content content)
            throws IOException {
        String suffix = filename == null ? ".json" : filename.substring(Math.max(0, filename.lastIndexOf('.')));
        TransferSlots.Slot slot = slots.download(accountId);
        try (Spool.File file = spool.create(suffix)) {
            try (OutputStream out = file.write()) {
                content.writeTo(out);
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            if (filename != null) {
                response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            }
            response.setContentLengthLong(file.size());
            try (InputStream in = file.read()) {
                in.transferTo(response.getOutputStream());
            }
        } finally {
            slot.close();
        }
    }
}
