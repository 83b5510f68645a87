package io.audience.activity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** One staged row of an activity: its number, the normalised address if any, and its data as JSON. */
public record ActivityItem(int number, @Nullable String emailKey, String data) {

    /** A row of bulk work over ids: it names one id, as {@code {"<field>": "<id>"}}. */
    public static ActivityItem naming(int number, String field, UUID id) {
        return new ActivityItem(number, null, "{\"" + field + "\":\"" + id + "\"}");
    }

    /** The id a row made by {@link #naming} names. */
    public UUID idIn(String field, JsonMapper json) {
        return UUID.fromString(json.readTree(data).required(field).asString());
    }
}
