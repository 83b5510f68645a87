package io.audience.feedback.provider;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the providers' JSON, where every malformed field becomes a {@link BadPayload}. */
final class Json {

    /** A body may carry at most this many reports (SendGrid batches up to about 1000). */
    static final int MAX_EVENTS = 1_000;

    private Json() {}

    static JsonNode read(byte[] body, String what) {
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new BadPayload(what + " is not JSON", e);
        }
    }

    static JsonNode read(String body, String what) {
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new BadPayload(what + " is not JSON", e);
        }
    }

    static JsonNode object(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new BadPayload(what + " must be a JSON object");
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        if (value == null || value.isBlank()) {
            throw new BadPayload(field + " is missing");
        }
        return value;
    }

    static @Nullable String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new BadPayload(field + " must be a string");
        }
        return value.asString();
    }

    static String email(JsonNode parent, String field) {
        String email = text(parent, field).strip();
        if (email.length() > 320 || !email.contains("@")) {
            throw new BadPayload(field + " is not an email address");
        }
        return email;
    }

    static OffsetDateTime time(JsonNode parent, String field) {
        String value = text(parent, field);
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadPayload(field + " is not an ISO-8601 date-time with offset", e);
        }
    }

    /**
     * Our mail id as a provider passed it through; a provider's copy we cannot read only loses
     * the link to the mail, so it is dropped rather than failing the whole report.
     */
    static @Nullable UUID mailId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void capped(int count) {
        if (count > MAX_EVENTS) {
            throw new BadPayload("at most " + MAX_EVENTS + " events per request, got " + count);
        }
    }
}
