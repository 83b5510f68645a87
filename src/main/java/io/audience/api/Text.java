package io.audience.api;

/** Free text the service stores: no control characters but line breaks and tabs (PostgreSQL refuses NUL). */
public final class Text {

    private Text() {}

    public static String printable(String field, String value) {
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ValidationFailed(field + " must not contain control characters");
        }
        return value;
    }
}
