package io.audience.customfield.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.activity.web.ActivityResource;
import io.audience.api.BoundedIds;
import io.audience.api.Caller;
import io.audience.api.Cursor;
import io.audience.api.IdLists;
import io.audience.api.Limits;
import io.audience.api.Links;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.customfield.CustomFieldService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

@RestController
@Requires(Privilege.CONTACTS_WRITE)
class CustomFieldController {

    private static final String COLLECTION = "contact_custom_fields";

    private final CustomFieldService fields;

    CustomFieldController(CustomFieldService fields) {
        this.fields = fields;
    }

    record ChoiceRequest(
            @Nullable Integer choiceId,
            @Nullable String choiceLabel,
            @Nullable Integer displayOrder) {}

    record FieldRequest(
            @Nullable String label,
            @Nullable String type,
            CustomFieldResource.@Nullable Metadata metadata,
            @Nullable List<ChoiceRequest> choices,
            @Nullable Integer version) {}

    record CustomFields(
            List<CustomFieldResource> customFields,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/contact_custom_fields")
    CustomFields list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        CustomFieldService.FieldPage page = fields.page(
                caller.accountId(),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(),
                Limits.pageSize(limit, 100));
        return new CustomFields(
                page.customFields().stream().map(CustomFieldResource::of).toList(),
                page.nextAfter() == null ? null : Links.next(new Cursor(COLLECTION, page.nextAfter())));
    }

    @PostMapping(path = "/v3/contact_custom_fields", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    CustomFieldResource create(Caller caller, @RequestBody FieldRequest body) {
        return CustomFieldResource.of(fields.create(
                caller.accountId(),
                body.label(),
                body.type(),
                body.metadata() == null ? null : body.metadata().command(),
                choices(body.choices()),
                body.version()));
    }

    @Requires(Privilege.CONTACTS_READ)
    @GetMapping("/v3/contact_custom_fields/{custom_field_id}")
    CustomFieldResource get(Caller caller, @PathVariable("custom_field_id") String id) {
        return CustomFieldResource.of(fields.get(caller.accountId(), Limits.uuid("custom field", id)));
    }

    @PutMapping(path = "/v3/contact_custom_fields/{custom_field_id}", consumes = "application/json")
    CustomFieldResource replace(
            Caller caller, @PathVariable("custom_field_id") String id, @RequestBody FieldRequest body) {
        return CustomFieldResource.of(fields.replace(
                caller.accountId(),
                Limits.uuid("custom field", id),
                body.label(),
                body.type(),
                choices(body.choices())));
    }

    record FieldIdsInput(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> customFieldIds) {}

    /** Deletes up to 100 custom fields, each as DELETE /v3/contact_custom_fields/{id} does, in an activity. */
    @PostMapping(path = "/v3/activities/custom_fields_delete", consumes = "application/json")
    ResponseEntity<ActivityResource> deleteEach(Caller caller, @RequestBody FieldIdsInput body) {
        return ActivityResource.created(
                fields.deleteEach(caller.accountId(), IdLists.idsOf("custom_field_ids", body.customFieldIds())));
    }

    @DeleteMapping("/v3/contact_custom_fields/{custom_field_id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("custom_field_id") String id) {
        fields.delete(caller.accountId(), Limits.uuid("custom field", id));
        return ResponseEntity.noContent().build();
    }

    private static @Nullable List<CustomFieldService.ChoiceInput> choices(@Nullable List<ChoiceRequest> in) {
        if (in == null) {
            return null;
        }
        List<CustomFieldService.ChoiceInput> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ChoiceRequest c = in.get(i);
            if (c == null) {
                throw new ValidationFailed("choices[" + i + "] must be an object");
            }
            out.add(new CustomFieldService.ChoiceInput(
                    c.choiceId(),
                    c.choiceLabel() == null ? "" : c.choiceLabel(),
                    c.displayOrder() != null ? c.displayOrder() : i + 1));
        }
        return out;
    }
}
