package io.audience.api;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Shared parsing of collection query parameters, with the vendor's ranges. */
public final class Limits {

    private Limits() {}

    public static int pageSize(@Nullable Integer limit, int max) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > max) {
            throw new ValidationFailed("limit must be between 1 and " + max + ", not " + limit);
        }
        return limit;
    }

    public static UUID uuid(String field, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No " + field + " " + value + " in this account");
        }
    }
}
