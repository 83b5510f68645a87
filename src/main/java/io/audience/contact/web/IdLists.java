package io.audience.contact.web;

import io.audience.api.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Lists of ids in request bodies, each refused by its place in the field. */
final class IdLists {

    private IdLists() {}

    /** An optional list of ids (empty when absent), each named by its place in the field. */
    static List<UUID> idsOf(String field, @Nullable List<String> in) {
        List<UUID> out = new ArrayList<>();
        if (in != null) {
            for (int i = 0; i < in.size(); i++) {
                out.add(ContactValidation.uuid(field + "[" + i + "]", in.get(i)));
            }
        }
        return out;
    }

    /** A required, non-empty list of list ids, as in the resubscribe request. */
    static List<UUID> listIdsOf(String field, @Nullable List<String> in) {
        if (in == null || in.isEmpty()) {
            throw new ValidationFailed(field + " must name at least one list");
        }
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(ContactValidation.uuid(field + "[" + i + "]", in.get(i)));
        }
        if (out.size() > 50) {
            throw new ValidationFailed(field + " takes at most 50 lists, not " + out.size());
        }
        return out;
    }
}
