package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;

import io.audience.activity.RowOutcomeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Stages import rows with {@code COPY} on the transaction's connection, so a million rows cost
 * seconds.
 */
@Repository
class ImportStagingRepository {

    private static final String COPY = "COPY import_row (account_id, activity_id, item_number, email_key,"
            + " email_address, first_name, last_name, job_title, company_name, birthday_month, birthday_day,"
            + " anniversary, extras, fingerprint, new_contact_id, outcome, reason, correctable)"
            + " FROM STDIN";

    private final DataSource dataSource;
    private final DSLContext db;
    private final RowOutcomeRepository outcomes;

    ImportStagingRepository(DataSource dataSource, DSLContext db, RowOutcomeRepository outcomes) {
        this.dataSource = dataSource;
        this.db = db;
        this.outcomes = outcomes;
    }

    /** A COPY in progress; {@link #finish} ends it, {@link #abort} cancels it (the transaction rolls back). */
    static final class Rows {

        private final PGCopyOutputStream copy;
        private final StringBuilder line = new StringBuilder(512);
        private final String prefix;

        private Rows(UUID accountId, UUID activityId, PGCopyOutputStream copy) {
            this.copy = copy;
            this.prefix = accountId + "\t" + activityId + "\t";
        }

        void staged(int number, ImportRowReader.Read row, @Nullable String extras, String fingerprint, UUID newId) {
            print(
                    number,
                    row.emailKey(),
                    row.emailAddress(),
                    row.firstName(),
                    row.lastName(),
                    row.jobTitle(),
                    row.companyName(),
                    row.birthdayMonth(),
                    row.birthdayDay(),
                    row.anniversary(),
                    extras,
                    fingerprint,
                    newId,
                    null,
                    null,
                    false);
        }

        void failed(int number, String reason) {
            print(
                    number,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "failed",
                    ImportCells.printable(reason.length() > 500 ? reason.substring(0, 500) : reason),
                    true);
        }

        /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
        private void print(int number, @Nullable Object... values) {
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
                throw new UncheckedIOException("Staging the import failed", e);
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
                    default -> line.append(c);
                }
            }
        }

        void finish() {
            try {
                copy.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Staging the import failed", e);
            }
        }

        void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cancelling the COPY of an import failed", e);
            }
        }
    }

    Rows open(UUID accountId, UUID activityId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new Rows(
                    accountId,
                    activityId,
                    new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the COPY of an import", e);
        }
    }

    /** The rows refused while staging go to the activity's report with their reasons. */
    void reportRefused(UUID accountId, UUID activityId) {
        outcomes.record(
                accountId,
                activityId,
                DSL.select(IMPORT_ROW.ITEM_NUMBER, IMPORT_ROW.OUTCOME, IMPORT_ROW.REASON, IMPORT_ROW.CONTACT_ID)
                        .from(IMPORT_ROW)
                        .where(
                                IMPORT_ROW.ACCOUNT_ID.eq(accountId),
                                IMPORT_ROW.ACTIVITY_ID.eq(activityId),
                                IMPORT_ROW.OUTCOME.isNotNull()));
    }

    /**
     * Statistics of the staging table, which predate the rows just copied: with them the planner
     * would take a million rows for a handful when the chunks join them.
     */
    void analyze() {
        db.execute("analyze import_row");
    }
}
