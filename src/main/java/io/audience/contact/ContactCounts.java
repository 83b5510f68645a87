package io.audience.contact;

import org.jspecify.annotations.Nullable;

/** The vendor's ContactsCounts, over contacts that are not deleted. */
public record ContactCounts(
        int total,
        int explicit,
        int implicit,
        int pending,
        int unsubscribed,
        @Nullable Integer newSubscriber) {}
