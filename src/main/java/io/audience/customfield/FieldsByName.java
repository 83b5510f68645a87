package io.audience.customfield;

import io.audience.api.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The account's custom fields by name, for import columns {@code cf:<name>}: turns a cell into a
 * checked {@link FieldValue}. A select field takes its choice's label (or id); a multi-select
 * takes several separated by {@code ;}.
 */
public final class FieldsByName {

    private final Map<String, CustomFieldView> byName;

    FieldsByName(List<CustomFieldView> fields) {
        this.byName = fields.stream()
                .collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    }

    public Optional<CustomFieldView> field(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The checked value of {@code column} ({@code cf:<name>}); an empty cell is an empty value. */
    public FieldValue value(String column, String name, String text) {
        CustomFieldView field = field(name)
                .orElseThrow(() ->
                        new ValidationFailed(column + ": this account has no custom field named \"" + name + "\""));
        FieldValue value = field.fieldType().hasChoices()
                ? new FieldValue(field.customFieldId(), null, choiceIds(column, field, text))
                : new FieldValue(field.customFieldId(), text, null);
        FieldValues.check(column, field, value);
        return value;
    }

    private static List<String> choiceIds(String column, CustomFieldView field, String text) {
        List<String> ids = new ArrayList<>();
        for (String part : text.split(";")) {
            String wanted = part.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            ids.add(Objects.requireNonNull(field.choices(), "a field with choices has its list").stream()
                    .filter(c -> c.choiceLabel().equalsIgnoreCase(wanted)
                            || Integer.toString(c.choiceId()).equals(wanted))
                    .map(c -> Integer.toString(c.choiceId()))
                    .findFirst()
                    .orElseThrow(() -> new ValidationFailed(column + ": \"" + wanted
                            + "\" is not a choice of custom field \"" + field.label() + "\"")));
        }
        return ids;
    }
}
