package io.audience.customfield;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.activity.ItemOutcome;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomFieldService {

    static final int MAX_PER_ACCOUNT = 100;
    static final int MAX_PER_CONTACT = 25;
    static final String DELETE = "custom_fields_delete";
    static final String ROW_ID = "custom_field_id";

    private final CustomFieldRepository fields;
    private final ActivityLog activities;
    private final Clock clock;

    CustomFieldService(CustomFieldRepository fields, ActivityLog activities, Clock clock) {
        this.fields = fields;
        this.activities = activities;
        this.clock = clock;
    }

    public record ChoiceInput(@Nullable Integer choiceId, String label, int displayOrder) {}

    public record FieldPage(
            List<CustomFieldView> customFields, @Nullable UUID nextAfter) {}

    @Transactional
    public CustomFieldView create(
            UUID accountId,
            @Nullable String label,
            @Nullable String type,
            CustomFieldView.@Nullable Metadata metadata,
            @Nullable List<ChoiceInput> choices,
            @Nullable Integer version) {
        String validLabel = label(label);
        if (type == null) {
            throw new ValidationFailed("type is required");
        }
        FieldType fieldType = FieldType.fromWire(type);
        List<ChoiceInput> validChoices = choices(fieldType, metadata, choices);
        checkMetadata(fieldType, metadata);
        String name = nameOf(validLabel);
        int count = fields.lockAccountAndCount(accountId);
        if (fields.idOfName(accountId, name).isPresent()) {
            throw nameTaken(accountId, name);
        }
        if (count >= MAX_PER_ACCOUNT) {
            throw new Conflict("This account has " + MAX_PER_ACCOUNT + " custom fields, the most it can have;"
                    + " delete one first");
        }
        UUID id = Ids.next();
        OffsetDateTime now = now();
        if (!fields.insert(accountId, id, validLabel, name, fieldType, metadata, version, now)) {
            throw nameTaken(accountId, name);
        }
        fields.replaceChoices(accountId, id, validChoices, now);
        return fields.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public CustomFieldView get(UUID accountId, UUID id) {
        return fields.find(accountId, id).orElseThrow(() -> notFound(id));
    }

    /** PUT replaces the label and, for select fields, the choices; the type never changes. */
    @Transactional
    public CustomFieldView replace(
            UUID accountId,
            UUID id,
            @Nullable String label,
            @Nullable String type,
            @Nullable List<ChoiceInput> choices) {
        String validLabel = label(label);
        CustomFieldView current = fields.lock(accountId, id).orElseThrow(() -> notFound(id));
        if (type != null && !type.equals(current.type())) {
            throw new ValidationFailed(
                    "type cannot change from " + current.type() + " to " + type + "; create a new custom field");
        }
        List<ChoiceInput> validChoices = choices(current.fieldType(), current.metadata(), choices);
        String name = nameOf(validLabel);
        fields.idOfName(accountId, name).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw nameTaken(accountId, name);
        });
        OffsetDateTime now = now();
        fields.update(accountId, id, validLabel, name, now);
        if (current.fieldType().hasChoices()) {
            fields.replaceChoices(accountId, id, validChoices, now);
        }
        return fields.find(accountId, id).orElseThrow();
    }

    /** Deleting a field removes its values from every contact (by cascade). */
    @Transactional
    public void delete(UUID accountId, UUID id) {
        remove(accountId, id);
    }

    /** Accepts the deletion of up to 100 fields, one activity row each, applied by the worker. */
    @Transactional
    public ActivityView deleteEach(UUID accountId, List<UUID> ids) {
        if (ids.isEmpty() || ids.size() > MAX_PER_ACCOUNT) {
            throw new ValidationFailed(
                    "custom_field_ids must name 1 to " + MAX_PER_ACCOUNT + " custom fields, not " + ids.size());
        }
        return activities.acceptEach(accountId, DELETE, "{}", 0, ROW_ID, new LinkedHashSet<>(ids), now());
    }

    /** One row of a bulk delete; a field not of the account fails the row alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    ItemOutcome deleteRow(UUID accountId, UUID id) {
        remove(accountId, id);
        return ItemOutcome.applied("custom field " + id + " deleted");
    }

    private void remove(UUID accountId, UUID id) {
        if (fields.lock(accountId, id).isEmpty()) {
            throw notFound(id);
        }
        fields.delete(accountId, id);
    }

    @Transactional(readOnly = true)
    public FieldPage page(UUID accountId, @Nullable UUID after, int limit) {
        List<CustomFieldView> found = fields.page(accountId, after, limit + 1);
        boolean more = found.size() > limit;
        List<CustomFieldView> page = more ? found.subList(0, limit) : found;
        return new FieldPage(page, more ? page.get(page.size() - 1).customFieldId() : null);
    }

    /** Makes the contact's values exactly {@code values}, each checked against its field. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceValues(UUID accountId, UUID contactId, List<FieldValue> values) {
        fields.replaceValues(accountId, contactId, checked(accountId, values));
    }

    /** A sign-up adds its values; a value for a field the contact has replaces that one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mergeValues(UUID accountId, UUID contactId, List<FieldValue> values) {
        Map<UUID, FieldValue> merged = new LinkedHashMap<>();
        fields.valuesOf(accountId, List.of(contactId))
                .getOrDefault(contactId, List.of())
                .forEach(v -> merged.put(v.customFieldId(), v));
        checked(accountId, values).forEach(v -> merged.put(v.customFieldId(), v));
        if (merged.size() > MAX_PER_CONTACT) {
            throw new ValidationFailed("custom_fields: a contact has at most " + MAX_PER_CONTACT + " values, this would"
                    + " make " + merged.size());
        }
        fields.replaceValues(accountId, contactId, new ArrayList<>(merged.values()));
    }

    /** The account's fields by name, for the {@code cf:<name>} columns of an import. */
    @Transactional(readOnly = true)
    public FieldsByName byName(UUID accountId) {
        return new FieldsByName(fields.page(accountId, null, MAX_PER_ACCOUNT + 1));
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<FieldValue>> valuesOf(UUID accountId, Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? Map.of() : fields.valuesOf(accountId, contactIds);
    }

    private List<FieldValue> checked(UUID accountId, List<FieldValue> values) {
        if (values.size() > MAX_PER_CONTACT) {
            throw new ValidationFailed(
                    "custom_fields takes at most " + MAX_PER_CONTACT + " values, not " + values.size());
        }
        Set<UUID> seen = new HashSet<>();
        for (FieldValue value : values) {
            if (!seen.add(value.customFieldId())) {
                throw new ValidationFailed("custom_fields names custom field " + value.customFieldId() + " twice");
            }
        }
        Map<UUID, CustomFieldView> known = fields.byIds(accountId, seen).stream()
                .collect(Collectors.toMap(CustomFieldView::customFieldId, Function.identity()));
        for (int i = 0; i < values.size(); i++) {
            CustomFieldView field = known.get(values.get(i).customFieldId());
            if (field == null) {
                throw new NotFound("No custom field " + values.get(i).customFieldId()
                        + " in this account (custom_fields[" + i + "])");
            }
            FieldValues.check("custom_fields[" + i + "]", field, values.get(i));
        }
        return values;
    }

    private static List<ChoiceInput> choices(
            FieldType type, CustomFieldView.@Nullable Metadata metadata, @Nullable List<ChoiceInput> choices) {
        if (!type.hasChoices()) {
            if (choices != null && !choices.isEmpty()) {
                throw new ValidationFailed("choices are only for single_select and multi_select fields");
            }
            return List.of();
        }
        int max = metadata != null
                        && metadata.displayType() != null
                        && List.of("radio", "checkbox").contains(metadata.displayType())
                ? 20
                : 100;
        if (choices == null || choices.isEmpty() || choices.size() > max) {
            throw new ValidationFailed("choices: a " + type.wire() + " field needs 1 to " + max + " choices");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            String label = choices.get(i).label();
            if (label == null || label.isBlank() || label.length() > 255) {
                throw new ValidationFailed("choices[" + i + "].choice_label must be 1 to 255 characters");
            }
            Text.printable("choices[" + i + "].choice_label", label);
            if (!labels.add(label.strip().toLowerCase(Locale.ROOT))) {
                throw new ValidationFailed("choices[" + i + "].choice_label \"" + label + "\" is there twice");
            }
        }
        return choices;
    }

    private static void checkMetadata(FieldType type, CustomFieldView.@Nullable Metadata metadata) {
        if (metadata == null) {
            return;
        }
        if (metadata.displayType() != null
                && !List.of("radio", "checkbox", "dropdown").contains(metadata.displayType())) {
            throw new ValidationFailed("metadata.display_type must be radio, checkbox or dropdown");
        }
        if (metadata.decimalPlaces() != null && (metadata.decimalPlaces() < 0 || metadata.decimalPlaces() > 4)) {
            throw new ValidationFailed("metadata.decimal_places must be from 0 to 4");
        }
        if (metadata.currencyCode() != null && !metadata.currencyCode().matches("[A-Z]{3}")) {
            throw new ValidationFailed("metadata.currency_code must be three capital letters, such as USD");
        }
        if (metadata.displayFormat() != null && metadata.displayFormat().length() > 20) {
            throw new ValidationFailed("metadata.display_format must be at most 20 characters");
        }
        if (metadata.currencyCode() != null && type != FieldType.CURRENCY) {
            throw new ValidationFailed("metadata.currency_code is only for currency fields");
        }
    }

    private Conflict nameTaken(UUID accountId, String name) {
        UUID existing = fields.idOfName(accountId, name).orElse(null);
        return new Conflict(
                "A custom field named " + name + " already exists: " + existing,
                existing == null ? Map.of() : Map.of("custom_field_id", existing.toString()));
    }

    private static String label(@Nullable String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            throw new ValidationFailed("label is required and must be 1 to 50 characters");
        }
        return Text.printable("label", trimmed);
    }

    /** The vendor's derived name: the label with blanks as underscores. */
    static String nameOf(String label) {
        return label.strip().replaceAll("\\s+", "_");
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("No custom field " + id + " in this account");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
