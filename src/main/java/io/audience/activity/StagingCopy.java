package io.audience.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A {@code COPY ... FROM STDIN} of an activity's staging rows on the accepting transaction's
 * connection (a million rows cost seconds, and roll back with the transaction): each row is the
 * account, the activity, the item number and the owner's columns. {@link #finish} ends it,
 * {@link #abort} cancels it.
 */
public final class StagingCopy {

    private final PGCopyOutputStream copy;
    private final StringBuilder line = new StringBuilder(512);
    private final String prefix;
    private final String what;

    private StagingCopy(PGCopyOutputStream copy, UUID accountId, UUID activityId, String what) {
        this.copy = copy;
        this.prefix = accountId + "\t" + activityId + "\t";
        this.what = what;
    }

    /**
     * Starts {@code copy} (a {@code COPY table (account_id, activity_id, item_number, ...) FROM
     * STDIN}) on the connection of the transaction in progress; {@code what} names the import in errors.
     */
    public static StagingCopy open(DataSource dataSource, String copy, UUID accountId, UUID activityId, String what) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new StagingCopy(
                    new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16),
                    accountId,
                    activityId,
                    what);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the COPY of " + what, e);
        }
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    public void print(int number, @Nullable Object... values) {
        line.setLength(0);
        line.append(prefix).append(number);
        for (Object value : values) {
            line.append('\t');
            if (value == null) {
                line.append("\\N");
            } else {
                escape(value.toString());
            }
        }
        line.append('\n');
        try {
            // Encoded in one call (an array copy for the usual ASCII line): a Writer's encoder
            // cost a fifth of the upload's CPU, and the upload is bound by this thread.
            copy.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Staging " + what + " failed", e);
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                // PostgreSQL text cannot hold NUL: a COPY with one fails whole, so no cell may carry it.
                case '\0' -> line.append('\uFFFD');
                default -> line.append(c);
            }
        }
    }

    public void finish() {
        try {
            copy.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Staging " + what + " failed", e);
        }
    }

    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cancelling the COPY of " + what + " failed", e);
        }
    }
}
