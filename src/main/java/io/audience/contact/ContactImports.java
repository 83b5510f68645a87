package io.audience.contact;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.ApiException;
import io.audience.api.ValidationFailed;
import io.audience.list.ListMemberships;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a JSON import: rows are staged as they stream in, in the transaction that creates the
 * activity, so an import is either accepted whole or not at all; workers then apply it.
 */
@Service
public class ContactImports {

    static final String KIND = "contacts_json_import";
    private static final int BATCH = 1000;

    private final ActivityLog activities;
    private final ListMemberships memberships;
    private final JsonMapper json;

    ContactImports(ActivityLog activities, ListMemberships memberships, JsonMapper json) {
        this.activities = activities;
        this.memberships = memberships;
        this.json = json;
    }

    @Transactional
    public ActivityView acceptJson(UUID accountId, ImportSource source) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID activityId = activities.accept(accountId, KIND, "{}", 0, now);
        List<ActivityItem> batch = new ArrayList<>();
        int[] count = {0};
        source.forEachRow(row -> {
            count[0]++;
            batch.add(new ActivityItem(count[0], emailKeyOf(row), row));
            if (batch.size() == BATCH) {
                activities.stage(accountId, activityId, batch);
                batch.clear();
            }
        });
        activities.stage(accountId, activityId, batch);
        List<UUID> lists = listIds(source.listIds());
        memberships.requireLive(accountId, lists);
        if (count[0] == 0) {
            throw new ValidationFailed("import_data must hold at least one contact");
        }
        activities.describe(accountId, activityId, json.writeValueAsString(new ImportPayload(lists)), lists.size());
        return activities.ready(accountId, activityId, count[0]);
    }

    record ImportPayload(List<UUID> listIds) {}

    private String emailKeyOf(String row) {
        JsonNode node = json.readTree(row);
        JsonNode email = node.get("email");
        if (email == null || !email.isString()) {
            return null;
        }
        try {
            return EmailAddresses.key("email", email.asString());
        } catch (ApiException invalid) {
            return null;
        }
    }

    private static List<UUID> listIds(List<String> in) {
        if (in.isEmpty() || in.size() > 50) {
            throw new ValidationFailed("list_ids must name 1 to 50 lists");
        }
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            try {
                out.add(UUID.fromString(in.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("list_ids[" + i + "] must be a UUID, not " + in.get(i));
            }
        }
        return out;
    }
}
