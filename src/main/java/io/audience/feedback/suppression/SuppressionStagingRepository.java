package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;

import io.audience.activity.RowOutcomeRepository;
import io.audience.activity.StagingCopy;
import io.audience.api.CsvText;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Stages the rows of a suppression import in the transaction that accepts it, with {@code COPY}
 * on the transaction's connection, as contact imports do.
 */
@Repository
class SuppressionStagingRepository {

    private final DataSource dataSource;
    private final DSLContext db;
    private final RowOutcomeRepository outcomes;

    SuppressionStagingRepository(DataSource dataSource, DSLContext db, RowOutcomeRepository outcomes) {
        this.dataSource = dataSource;
        this.db = db;
        this.outcomes = outcomes;
    }

    private static final String COPY = "COPY suppression_row (account_id, activity_id, item_number, email_key,"
            + " fingerprint, kind, source, occurred_at, evidence, outcome, reason, correctable) FROM STDIN";

    /** A COPY in progress; {@link #finish} ends it, {@link #abort} cancels it (the transaction rolls back). */
    static final class Rows {

        private final UUID activityId;
        private final StagingCopy copy;

        private Rows(UUID activityId, StagingCopy copy) {
            this.activityId = activityId;
            this.copy = copy;
        }

        /** A checked row. */
        void staged(int number, SuppressionEntry row, String fingerprint) {
            copy.print(
                    number,
                    row.emailKey(),
                    fingerprint,
                    row.kind().wire(),
                    row.source().wire(),
                    row.occurredAt(),
                    row.evidence(activityId),
                    null,
                    null,
                    false);
        }

        /** A row refused as it was read, with why. */
        void failed(int number, String reason) {
            copy.print(
                    number,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "failed",
                    CsvText.printable(reason.length() > 500 ? reason.substring(0, 500) : reason, '\uFFFD'),
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
        return new Rows(activityId, StagingCopy.open(dataSource, COPY, accountId, activityId, "a suppression import"));
    }

    /** The rows refused while staging go to the activity's report with their reasons. */
    void reportRefused(UUID accountId, UUID activityId) {
        outcomes.record(
                accountId,
                activityId,
                DSL.select(
                                SUPPRESSION_ROW.ITEM_NUMBER,
                                SUPPRESSION_ROW.OUTCOME,
                                SUPPRESSION_ROW.REASON,
                                SUPPRESSION_ROW.CONTACT_ID)
                        .from(SUPPRESSION_ROW)
                        .where(
                                SUPPRESSION_ROW.ACCOUNT_ID.eq(accountId),
                                SUPPRESSION_ROW.ACTIVITY_ID.eq(activityId),
                                SUPPRESSION_ROW.OUTCOME.isNotNull()));
    }

    /**
     * The tables a suppression import grows, analysed before its first chunk and each time it has
     * doubled what it applied (10,000, 20,000, 40,000 rows...), as a contact import does: with stale
     * statistics the planner takes a table of a million rows for a dozen.
     */
    void refreshStatistics(int from) {
        int done = from - 1;
        if (done == 0 || (done >= 10_000 && done % 10_000 == 0 && Integer.bitCount(done / 10_000) == 1)) {
            db.execute("analyze email_consent, consent_event, feedback_event");
        }
    }

    /** Fresh statistics for the rows just staged, so the chunks' joins are planned for their size. */
    void analyze() {
        db.execute("analyze suppression_row");
    }
}
