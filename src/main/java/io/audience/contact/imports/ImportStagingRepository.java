package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;

import io.audience.activity.RowOutcomeRepository;
import io.audience.activity.StagingCopy;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
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

        private final StagingCopy copy;

        private Rows(StagingCopy copy) {
            this.copy = copy;
        }

        void staged(int number, ImportRowReader.Read row, @Nullable String extras, String fingerprint, UUID newId) {
            copy.print(
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
            copy.print(
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

        void finish() {
            copy.finish();
        }

        void abort() {
            copy.abort();
        }
    }

    Rows open(UUID accountId, UUID activityId) {
        return new Rows(StagingCopy.open(dataSource, COPY, accountId, activityId, "an import"));
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
