package io.audience.list;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ContactListView(
        UUID listId,
        String name,
        @Nullable String description,
        boolean favorite,
        boolean isPublic,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime deletedAt,
        @Nullable Integer membershipCount) {

    ContactListView withMembershipCount(int count) {
        return new ContactListView(
                listId, name, description, favorite, isPublic, createdAt, updatedAt, deletedAt, count);
    }
}
