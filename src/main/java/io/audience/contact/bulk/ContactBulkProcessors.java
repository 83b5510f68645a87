package io.audience.contact.bulk;

import io.audience.activity.ActivityItem;
import io.audience.activity.ActivityProcessor;
import io.audience.activity.ItemOutcome;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.contact.ContactBulkWrites;
import io.audience.contact.ContactService;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The row processors of bulk deletes, list-membership and tagging changes; one row is one contact. */
@Configuration(proxyBeanMethods = false)
class ContactBulkProcessors {

    @Bean
    ActivityProcessor contactDeleteProcessor(ContactService contacts, JsonMapper json) {
        return processor(ContactBulk.DELETE, json, (accountId, activityId, payload, contactId) -> {
            contacts.delete(accountId, contactId, actor(activityId));
            return new ItemOutcome(ItemOutcome.Kind.UPDATED, "deleted", contactId, false, false);
        });
    }

    @Bean
    ActivityProcessor addListMembershipsProcessor(ContactBulkWrites contacts, JsonMapper json) {
        return processor(
                ContactBulk.ADD,
                json,
                (accountId, activityId, payload, contactId) ->
                        contacts.addToLists(accountId, contactId, lists(json, payload), actor(activityId)));
    }

    @Bean
    ActivityProcessor removeListMembershipsProcessor(ContactBulkWrites contacts, JsonMapper json) {
        return processor(
                ContactBulk.REMOVE,
                json,
                (accountId, activityId, payload, contactId) ->
                        contacts.removeFromLists(accountId, contactId, lists(json, payload)));
    }

    @Bean
    ActivityProcessor addTaggingsProcessor(ContactBulkWrites contacts, JsonMapper json) {
        return processor(
                ContactBulk.TAG,
                json,
                (accountId, activityId, payload, contactId) ->
                        contacts.changeTaggings(accountId, contactId, true, tags(json, payload), actor(activityId)));
    }

    @Bean
    ActivityProcessor removeTaggingsProcessor(ContactBulkWrites contacts, JsonMapper json) {
        return processor(
                ContactBulk.UNTAG,
                json,
                (accountId, activityId, payload, contactId) ->
                        contacts.changeTaggings(accountId, contactId, false, tags(json, payload), actor(activityId)));
    }

    interface Step {
        ItemOutcome apply(UUID accountId, UUID activityId, String payload, UUID contactId);
    }

    private static ActivityProcessor processor(String kind, JsonMapper json, Step step) {
        return new ActivityProcessor() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public ItemOutcome process(UUID accountId, UUID activityId, String payload, ActivityItem item) {
                return step.apply(accountId, activityId, payload, item.idIn(ContactBulk.ROW_ID, json));
            }
        };
    }

    private static List<UUID> lists(JsonMapper json, String payload) {
        return json.readValue(payload, ContactBulk.ListsPayload.class).listIds();
    }

    private static List<UUID> tags(JsonMapper json, String payload) {
        return json.readValue(payload, ContactBulk.TagsPayload.class).tagIds();
    }

    private static Actor actor(UUID activityId) {
        return new Actor(
                Source.ACCOUNT, Channel.API, "activity:" + activityId, null, null, "bulk activity " + activityId);
    }
}
