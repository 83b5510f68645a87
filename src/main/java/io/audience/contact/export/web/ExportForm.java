package io.audience.contact.export.web;

import java.util.List;
import java.util.UUID;

/** The choices of a new export: the account's lists, the states and the columns a file may have. */
public record ExportForm(List<Choice> lists, List<Choice> states, List<String> columns) {

    public record Choice(String value, String label) {}

    static final List<Choice> STATES = List.of(
            new Choice("", "Every contact not deleted (the vendor's default)"),
            new Choice("all", "All, deleted ones too"),
            new Choice("active", "Active"),
            new Choice("unsubscribed", "Unsubscribed"),
            new Choice("pending_confirmation", "Pending confirmation"),
            new Choice("deleted", "Deleted"),
            new Choice("explicit", "Explicit permission"),
            new Choice("implicit", "Implicit permission"),
            new Choice("not_set", "Permission not set"),
            new Choice("temp_hold", "Temporary hold"));

    static Choice list(UUID listId, String name) {
        return new Choice(listId.toString(), name);
    }
}
