package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;

import io.audience.activity.RowOutcomeRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Stages the rows of a suppression import in the transaction that accepts it, a thousand rows a
 * statement.
 */
@Repository
class SuppressionStagingRepository {

    private static final int BATCH = 1000;

    private final DSLContext db;
    private final RowOutcomeRepository outcomes;

    SuppressionStagingRepository(DSLContext db, RowOutcomeRepository outcomes) {
        this.db = db;
        this.outcomes = outcomes;
    }

    /** One staged row as written. */
    private record Staged(
            int number,
            @Nullable String emailKey,
            @Nullable String fingerprint,
            @Nullable String kind,
            @Nullable String source,
            @Nullable OffsetDateTime occurredAt,
            @Nullable String evidence,
            @Nullable String outcome,
            @Nullable String reason,
            boolean correctable) {}

    /** Rows being staged; {@link #finish} writes the last batch. */
    final class Rows {

        private final UUID accountId;
        private final UUID activityId;
        private final List<Staged> batch = new ArrayList<>(BATCH);

        private Rows(UUID accountId, UUID activityId) {
            this.accountId = accountId;
            this.activityId = activityId;
        }

        /** A checked row. */
        void staged(int number, SuppressionEntry row, String fingerprint) {
            add(new Staged(
                    number,
                    row.emailKey(),
                    fingerprint,
                    row.kind().wire(),
                    row.source().wire(),
                    row.occurredAt(),
                    row.evidence(activityId),
                    null,
                    null,
                    false));
        }

        /** A row refused as it was read, with why. */
        void failed(int number, String reason) {
            add(new Staged(
                    number,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "failed",
                    reason.length() > 500 ? reason.substring(0, 500) : reason,
                    true));
        }

        private void add(Staged row) {
            batch.add(row);
            if (batch.size() == BATCH) {
                finish();
            }
        }

        void finish() {
            if (!batch.isEmpty()) {
                insert(accountId, activityId, batch);
                batch.clear();
            }
        }
    }

    private void insert(UUID accountId, UUID activityId, List<Staged> rows) {
        var insert = db.insertInto(
                SUPPRESSION_ROW,
                SUPPRESSION_ROW.ACCOUNT_ID,
                SUPPRESSION_ROW.ACTIVITY_ID,
                SUPPRESSION_ROW.ITEM_NUMBER,
                SUPPRESSION_ROW.EMAIL_KEY,
                SUPPRESSION_ROW.FINGERPRINT,
                SUPPRESSION_ROW.KIND,
                SUPPRESSION_ROW.SOURCE,
                SUPPRESSION_ROW.OCCURRED_AT,
                SUPPRESSION_ROW.EVIDENCE,
                SUPPRESSION_ROW.OUTCOME,
                SUPPRESSION_ROW.REASON,
                SUPPRESSION_ROW.CORRECTABLE);
        for (Staged r : rows) {
            insert = insert.values(
                    accountId,
                    activityId,
                    r.number(),
                    r.emailKey(),
                    r.fingerprint(),
                    r.kind(),
                    r.source(),
                    r.occurredAt(),
                    r.evidence(),
                    r.outcome(),
                    r.reason(),
                    r.correctable());
        }
        insert.execute();
    }

    Rows open(UUID accountId, UUID activityId) {
        return new Rows(accountId, activityId);
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
