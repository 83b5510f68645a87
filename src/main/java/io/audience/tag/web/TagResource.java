package io.audience.tag.web;

import io.audience.tag.TagView;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's Tag, as the API answers it. */
record TagResource(
        UUID tagId,
        String name,
        @Nullable Integer contactsCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable String tagSource) {

    static TagResource of(TagView tag) {
        return new TagResource(
                tag.tagId(), tag.name(), tag.contactsCount(), tag.createdAt(), tag.updatedAt(), tag.tagSource());
    }
}
