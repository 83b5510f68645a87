package io.audience.list.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.list.ContactListView;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's ContactList, as the API answers it. */
record ListResource(
        UUID listId,
        String name,
        @Nullable String description,
        boolean favorite,
        @JsonProperty("public") boolean isPublic,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime deletedAt,
        @Nullable Integer membershipCount) {

    static ListResource of(ContactListView list) {
        return new ListResource(
                list.listId(),
                list.name(),
                list.description(),
                list.favorite(),
                list.isPublic(),
                list.createdAt(),
                list.updatedAt(),
                list.deletedAt(),
                list.membershipCount());
    }
}
