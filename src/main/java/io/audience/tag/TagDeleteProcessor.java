package io.audience.tag;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code contacts_tags_delete}: one row is one tag, deleted as DELETE /v3/contact_tags/{id} does. */
@Component
class TagDeleteProcessor implements ActivityProcessor {

    private final TagService tags;
    private final JsonMapper json;

    TagDeleteProcessor(TagService tags, JsonMapper json) {
        this.tags = tags;
        this.json = json;
    }

    @Override
    public String kind() {
        return TagService.DELETE;
    }

    @Override
    public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
        return tags.deleteRow(accountId, item.idIn(TagService.ROW_ID, json));
    }
}
