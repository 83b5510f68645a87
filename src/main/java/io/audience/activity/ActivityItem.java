package io.audience.activity;

import org.jspecify.annotations.Nullable;

/** One staged row of an activity: its number, the normalised address if any, and its data as JSON. */
public record ActivityItem(int number, @Nullable String emailKey, String data) {}
