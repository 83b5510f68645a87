package io.audience.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Ids in request bodies, each refused (400) by its place in the field. */
public final class IdLists {

    private IdLists() {}

    /** An optional list of ids (empty when absent), each named by its place in the field. */
    public static List<UUID> idsOf(String field, @Nullable List<String> in) {
        List<UUID> out = new ArrayList<>();
        if (in != null) {
            for (int i = 0; i < in.size(); i++) {
                out.add(uuid(field + "[" + i + "]", in.get(i)));
            }
        }
        return out;
    }

    /** A required, non-empty list of list ids, as in the resubscribe request. */
    public static List<UUID> listIdsOf(String field, @Nullable List<String> in) {
        if (in == null || in.isEmpty()) {
            throw new ValidationFailed(field + " must name at least one list");
        }
        List<UUID> out = idsOf(field, in);
        if (out.size() > 50) {
            throw new ValidationFailed(field + " takes at most 50 lists, not " + out.size());
        }
        return out;
    }

    /** One id of a request body; unlike an id in a path (a 404), a malformed one here is a 400. */
    public static UUID uuid(String field, @Nullable String value) {
        if (value != null && value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new ValidationFailed(field + " must be a UUID, not " + value);
    }
}
