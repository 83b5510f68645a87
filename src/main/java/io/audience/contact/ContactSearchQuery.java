package io.audience.contact;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A console search: the text typed, the states wanted (empty: all but deleted, as the API's
 * default), at most one list and one tag, and the keyset cursor (the last contact id shown).
 */
public record ContactSearchQuery(
        @Nullable String text,
        Set<ContactQuery.Status> statuses,
        @Nullable UUID list,
        @Nullable UUID tag,
        @Nullable UUID after,
        int limit) {}
