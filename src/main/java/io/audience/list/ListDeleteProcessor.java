package io.audience.list;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code list_delete}: one row is one list, deleted as DELETE /v3/contact_lists/{id} does. */
@Component
class ListDeleteProcessor implements ActivityProcessor {

    private final ListService lists;
    private final JsonMapper json;

    ListDeleteProcessor(ListService lists, JsonMapper json) {
        this.lists = lists;
        this.json = json;
    }

    @Override
    public String kind() {
        return ListService.DELETE;
    }

    @Override
    public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
        return lists.deleteRow(accountId, item.idIn(ListService.ROW_ID, json));
    }
}
