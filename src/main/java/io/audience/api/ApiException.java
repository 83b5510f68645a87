package io.audience.api;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must know about. Each subtype has one fixed status and error key;
 * {@link ApiExceptionHandler} turns it into the vendor's error format in one place.
 */
public abstract class ApiException extends RuntimeException {

    private final transient Map<String, Object> details;

    protected ApiException(String message) {
        this(message, Map.of());
    }

    protected ApiException(String message, Map<String, Object> details) {
        super(message);
        this.details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** Never null: every ApiException is made with its message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "an ApiException is made with a message");
    }

    public abstract HttpStatus status();

    public abstract String errorKey();

    /** Machine-readable fields added to the error object beside the key and message. */
    public Map<String, Object> details() {
        return details;
    }
}
