package io.audience.customfield.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.customfield.CustomFieldService;
import io.audience.customfield.CustomFieldView;
import io.audience.web.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's custom fields: label and type, created, relabelled and deleted with the
 * privileges of the API's custom field endpoints (contacts:read to see, contacts:write to change)
 * through the same service, which decides and explains.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class FieldsConsole {

    private static final String COLLECTION = "contact_custom_fields";
    private static final int PAGE_SIZE = 100;

    private final CustomFieldService fields;

    FieldsConsole(CustomFieldService fields) {
        this.fields = fields;
    }

    @GetMapping("/console/fields")
    String index(Caller caller, Frame frame, Model model, @RequestParam(required = false) @Nullable String cursor) {
        CustomFieldService.FieldPage page = fields.page(
                caller.accountId(),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(),
                PAGE_SIZE);
        model.addAttribute("fields", page.customFields());
        model.addAttribute("types", FieldTypeOption.ALL);
        model.addAttribute("next", page.nextAfter() == null ? null : new Cursor(COLLECTION, page.nextAfter()).encode());
        return "customfield/index";
    }

    /** A select field's choices come one per line, in the order shown. */
    @PostMapping("/console/fields")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String create(
            Caller caller,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String choices,
            RedirectAttributes flash) {
        CustomFieldView created =
                fields.create(caller.accountId(), label, type.isBlank() ? null : type, null, choicesOf(choices), null);
        flash.addFlashAttribute(
                "notice",
                "The custom field \"" + created.label() + "\" (" + FieldTypeOption.labelOf(created.type())
                        + ") was created.");
        return "redirect:/console/fields";
    }

    /** Relabels the field; its type never changes, and a select field keeps its choices. */
    @PostMapping("/console/fields/{fieldId}")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String rename(
            Caller caller,
            @PathVariable String fieldId,
            @RequestParam(defaultValue = "") String label,
            RedirectAttributes flash) {
        UUID id = id(fieldId);
        CustomFieldView current = fields.get(caller.accountId(), id);
        CustomFieldView renamed = fields.replace(caller.accountId(), id, label, null, keptChoices(current));
        flash.addFlashAttribute("notice", "The custom field is now labelled \"" + renamed.label() + "\".");
        return "redirect:/console/fields";
    }

    @GetMapping("/console/fields/{fieldId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String confirmDelete(Caller caller, Frame frame, Model model, @PathVariable String fieldId) {
        model.addAttribute("field", fields.get(caller.accountId(), id(fieldId)));
        return "customfield/delete";
    }

    @PostMapping("/console/fields/{fieldId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String delete(Caller caller, @PathVariable String fieldId, RedirectAttributes flash) {
        UUID id = id(fieldId);
        String label = fields.get(caller.accountId(), id).label();
        fields.delete(caller.accountId(), id);
        flash.addFlashAttribute(
                "notice", "The custom field \"" + label + "\" was deleted with its values on every contact.");
        return "redirect:/console/fields";
    }

    private static @Nullable List<CustomFieldService.ChoiceInput> choicesOf(String lines) {
        List<CustomFieldService.ChoiceInput> choices = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (!line.isBlank()) {
                choices.add(new CustomFieldService.ChoiceInput(null, line.strip(), choices.size() + 1));
            }
        }
        return choices.isEmpty() ? null : choices;
    }

    private static @Nullable List<CustomFieldService.ChoiceInput> keptChoices(CustomFieldView field) {
        return field.choices() == null || field.choices().isEmpty()
                ? null
                : field.choices().stream()
                        .map(c -> new CustomFieldService.ChoiceInput(c.choiceId(), c.choiceLabel(), c.displayOrder()))
                        .toList();
    }

    private static UUID id(String fieldId) {
        return Limits.uuid("custom field", fieldId);
    }
}
