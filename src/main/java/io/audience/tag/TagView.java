package io.audience.tag;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's Tag. */
public record TagView(
        UUID tagId,
        String name,
        @Nullable Integer contactsCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable String tagSource) {

    TagView withCount(int count) {
        return new TagView(tagId, name, count, createdAt, updatedAt, tagSource);
    }
}
