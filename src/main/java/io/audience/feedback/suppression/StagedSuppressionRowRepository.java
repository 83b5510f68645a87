package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;

import io.audience.activity.RowOutcomeRepository;
import io.audience.contact.PersonData;
import io.audience.scheduling.Retention;
import io.audience.webhook.WebhookEventsInBulk;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Staged suppression rows are working data of a running import (its report keeps each row's
 * outcome): they go once the import has ended, and at once when the person they name is erased.
 */
@Repository
class StagedSuppressionRowRepository implements Retention, PersonData {

    private final DSLContext db;
    private final RowOutcomeRepository outcomes;
    private final WebhookEventsInBulk webhooks;

    StagedSuppressionRowRepository(DSLContext db, RowOutcomeRepository outcomes, WebhookEventsInBulk webhooks) {
        this.db = db;
        this.outcomes = outcomes;
        this.webhooks = webhooks;
    }

    @Override
    public String describe() {
        return "staged rows of suppression imports that ended, once webhooks were told of them";
    }

    @Override
    public int purge(OffsetDateTime now) {
        // Webhooks are told of an import's rows from them, maybe after it ended.
        return outcomes.purgeStaged(
                SUPPRESSION_ROW,
                SUPPRESSION_ROW.ACCOUNT_ID,
                SUPPRESSION_ROW.ACTIVITY_ID,
                SUPPRESSION_ROW.ITEM_NUMBER,
                webhooks.stillTelling(SUPPRESSION_ROW.ACCOUNT_ID, SUPPRESSION_ROW.ACTIVITY_ID),
                now);
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
