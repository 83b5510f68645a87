package io.audience.list;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** What a list is created or replaced with (the vendor's ListInput), with its rules. */
public record ListInput(
        @Nullable String name,
        @Nullable Boolean favorite,
        @Nullable String description,
        @Nullable Boolean isPublic) {

    String validName() {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationFailed("name is required");
        }
        if (trimmed.length() > 255) {
            throw new ValidationFailed("name must be at most 255 characters");
        }
        return Text.printable("name", trimmed);
    }

    @Nullable
    String validDescription() {
        if (description != null && description.length() > 2000) {
            throw new ValidationFailed("description must be at most 2000 characters");
        }
        return description == null ? null : Text.printable("description", description);
    }
}
