package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;

import io.audience.activity.RowOutcomeRepository;
import io.audience.contact.PersonData;
import io.audience.scheduling.Retention;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Staged suppression rows are working data of a running import (its report keeps each row's
 * outcome): they go once the import has ended, and at once when the person they name is erased.
 */
@Repository
class StagedSuppressionRowRepository implements Retention, PersonData {

    private static final int BATCH = 10_000;

    private final DSLContext db;
    private final RowOutcomeRepository outcomes;

    StagedSuppressionRowRepository(DSLContext db, RowOutcomeRepository outcomes) {
        this.db = db;
        this.outcomes = outcomes;
    }

    @Override
    public String describe() {
        return "staged rows of suppression imports that ended";
    }

    @Override
    public int purge(OffsetDateTime now) {
        int total = 0;
        int deleted;
        do {
            deleted = db.deleteFrom(SUPPRESSION_ROW)
                    .where(DSL.row(SUPPRESSION_ROW.ACCOUNT_ID, SUPPRESSION_ROW.ACTIVITY_ID, SUPPRESSION_ROW.ITEM_NUMBER)
                            .in(DSL.select(
                                            SUPPRESSION_ROW.ACCOUNT_ID,
                                            SUPPRESSION_ROW.ACTIVITY_ID,
                                            SUPPRESSION_ROW.ITEM_NUMBER)
                                    .from(SUPPRESSION_ROW)
                                    .where(DSL.row(SUPPRESSION_ROW.ACCOUNT_ID, SUPPRESSION_ROW.ACTIVITY_ID)
                                            .in(outcomes.endedBefore(now)))
                                    .limit(BATCH)))
                    .execute();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void forgetPerson(UUID accountId, UUID contactId, Collection<String> emailKeys) {
        db.deleteFrom(SUPPRESSION_ROW)
                .where(
                        SUPPRESSION_ROW.ACCOUNT_ID.eq(accountId),
                        SUPPRESSION_ROW.CONTACT_ID.eq(contactId).or(SUPPRESSION_ROW.EMAIL_KEY.in(emailKeys)))
                .execute();
    }
}
