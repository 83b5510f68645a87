package io.audience.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What an exception's causes say: the one of a type, and a readable account of an unreadable JSON body. */
final class Causes {

    private Causes() {}

    static String describe(HttpMessageNotReadableException e) {
        MismatchedInputException mismatch = causeOfType(e, MismatchedInputException.class);
        if (mismatch != null) {
            String field = fieldPath(mismatch);
            if (field.isEmpty()) {
                return "The request body must be a JSON object";
            }
            return "Invalid value for " + field + ": expected " + expectedType(mismatch);
        }
        InputCoercionException range = causeOfType(e, InputCoercionException.class);
        if (range != null && !fieldPath(range).isEmpty()) {
            return "Invalid value for " + fieldPath(range) + ": the number is out of range";
        }
        StreamReadException malformed = causeOfType(e, StreamReadException.class);
        if (malformed != null) {
            return "Malformed JSON: " + malformed.getOriginalMessage();
        }
        JacksonException other = causeOfType(e, JacksonException.class);
        if (other != null && !fieldPath(other).isEmpty()) {
            return "Invalid value for " + fieldPath(other);
        }
        return "A JSON request body is required";
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectedType(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "a different type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
