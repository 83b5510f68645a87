package io.audience.customfield;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of {@code custom_fields_delete}: one row is one field, deleted with its values as
 * DELETE /v3/contact_custom_fields/{id} does.
 */
@Component
class CustomFieldDeleteProcessor implements ActivityProcessor {

    private final CustomFieldService fields;
    private final JsonMapper json;

    CustomFieldDeleteProcessor(CustomFieldService fields, JsonMapper json) {
        this.fields = fields;
        this.json = json;
    }

    @Override
    public String kind() {
        return CustomFieldService.DELETE;
    }

    @Override
    public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
        return fields.deleteRow(accountId, item.idIn(CustomFieldService.ROW_ID, json));
    }
}
