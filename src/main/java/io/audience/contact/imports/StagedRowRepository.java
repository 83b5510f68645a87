package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;

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
 * How long staged import rows live: they are working data of a running import (its report keeps
 * each row's outcome in the activity), so they go once their import has ended, and at once when
 * the person they name is erased.
 */
@Repository
class StagedRowRepository implements Retention, PersonData {

    private final DSLContext db;
    private final RowOutcomeRepository outcomes;
    private final WebhookEventsInBulk webhooks;

    StagedRowRepository(DSLContext db, RowOutcomeRepository outcomes, WebhookEventsInBulk webhooks) {
        this.db = db;
        this.outcomes = outcomes;
        this.webhooks = webhooks;
    }

    @Override
    public String describe() {
        return "staged rows of imports that ended, once webhooks were told of them";
    }

    @Override
    public int purge(OffsetDateTime now) {
        // Webhooks are told of an import's rows from them, maybe after it ended.
        return outcomes.purgeStaged(
                IMPORT_ROW,
                IMPORT_ROW.ACCOUNT_ID,
                IMPORT_ROW.ACTIVITY_ID,
                IMPORT_ROW.ITEM_NUMBER,
                webhooks.stillTelling(IMPORT_ROW.ACCOUNT_ID, IMPORT_ROW.ACTIVITY_ID),
                now);
    }

    @Override
    public void forgetPerson(UUID accountId, UUID contactId, Collection<String> emailKeys) {
        db.deleteFrom(IMPORT_ROW)
                .where(
                        IMPORT_ROW.ACCOUNT_ID.eq(accountId),
                        IMPORT_ROW
                                .CONTACT_ID
                                .eq(contactId)
                                .or(IMPORT_ROW.NEW_CONTACT_ID.eq(contactId))
                                .or(IMPORT_ROW.EMAIL_KEY.in(emailKeys)))
                .execute();
    }
}
