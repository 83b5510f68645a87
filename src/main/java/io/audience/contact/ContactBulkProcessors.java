package io.audience.contact;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.list.ListMemberships;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The row processors of bulk deletes and list-membership changes; one row is one contact. */
@Configuration(proxyBeanMethods = false)
class ContactBulkProcessors {

    record Row(UUID contactId) {}

    @Bean
    ActivityProcessor contactDeleteProcessor(ContactService contacts, JsonMapper json) {
        return processor(ContactBulk.DELETE, json, (accountId, activityId, lists, contactId) -> {
            contacts.delete(accountId, contactId, actor(activityId));
            return new ItemOutcome(ItemOutcome.Kind.UPDATED, "deleted", contactId, false, false);
        });
    }

    @Bean
    ActivityProcessor addListMembershipsProcessor(ContactBulkWrites contacts, JsonMapper json) {
        return processor(ContactBulk.ADD, json,
                (accountId, activityId, lists, contactId) -> contacts.addToLists(accountId, contactId, lists,
                        actor(activityId)));
    }

    @Bean
    ActivityProcessor removeListMembershipsProcessor(ContactBulkWrites contacts, ListMemberships memberships,
            JsonMapper json) {
        return processor(ContactBulk.REMOVE, json, (accountId, activityId, lists, contactId) -> {
            contacts.requireExisting(accountId, contactId);
            memberships.remove(accountId, contactId, lists);
            return ItemOutcome.updated(contactId);
        });
    }

    interface Step {
        ItemOutcome apply(UUID accountId, UUID activityId, List<UUID> lists, UUID contactId);
    }

    private static ActivityProcessor processor(String kind, JsonMapper json, Step step) {
        return new ActivityProcessor() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
                List<UUID> lists = json.readValue(payload, ContactBulk.ListsPayload.class).listIds();
                return step.apply(accountId, activityId, lists, json.readValue(item.data(), Row.class).contactId());
            }
        };
    }

    private static Actor actor(UUID activityId) {
        return new Actor(Source.ACCOUNT, Channel.API, "activity:" + activityId, null, null, "bulk activity " + activityId);
    }
}
