package io.audience.contact;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import io.audience.api.ApiException;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Applies one row of a JSON import, consent-safe, through {@link ContactBulkWrites#importRow}. */
@Component
class ContactImportProcessor implements ActivityProcessor {

    private final ContactBulkWrites contacts;
    private final JsonMapper json;

    ContactImportProcessor(ContactBulkWrites contacts, JsonMapper json) {
        this.contacts = contacts;
        this.json = json;
    }

    @Override
    public String kind() {
        return ContactImports.KIND;
    }

    @Override
    public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
        ImportRow row;
        try {
            row = json.readValue(item.data(), ImportRow.class);
        } catch (JacksonException e) {
            return ItemOutcome.failed("row " + item.number() + " is not a contact object: " + e.getOriginalMessage(),
                    true);
        }
        ContactDraft draft;
        try {
            draft = row.draft();
        } catch (ApiException invalid) {
            return ItemOutcome.failed(invalid.getMessage(), true);
        }
        ContactImports.ImportPayload lists = json.readValue(payload, ContactImports.ImportPayload.class);
        Actor actor = new Actor(Source.ACCOUNT, Channel.IMPORT, "activity:" + activityId, null, null,
                "contacts_json_import " + activityId + " row " + item.number());
        return contacts.importRow(accountId, draft, lists.listIds(), actor);
    }
}
