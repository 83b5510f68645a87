package io.audience.contact.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the contacts page shows: the form as it was filled in, the choices of its drop-downs, and
 * a page of results. Public, as the templates that render it are compiled into their own package.
 */
public record ContactSearchView(
        String q,
        String state,
        String list,
        String tag,
        List<Option> states,
        List<Option> lists,
        List<Option> tags,
        List<Row> rows,
        boolean exactAddress,
        boolean firstPage,
        @Nullable String nextHref) {

    public record Option(String value, String label) {}

    /** A contact as a row: its link, name, address, state and the date that matters for that state. */
    public record Row(
            String href,
            String name,
            String email,
            boolean deleted,
            @Nullable String deletedOn,
            String updatedOn,
            String permission,
            String permissionLabel,
            String delivery,
            String deliveryLabel) {}

    /** Whether any filter or text narrows the search (the empty state then suggests loosening it). */
    public boolean narrowed() {
        return !q.isBlank() || !state.isEmpty() || !list.isEmpty() || !tag.isEmpty();
    }
}
