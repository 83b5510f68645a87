package io.audience.feedback.provider;

/** An authentic request whose body cannot be read as reports; the message names the field. */
public final class BadPayload extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadPayload(String message) {
        super(message);
    }

    public BadPayload(String message, Throwable cause) {
        super(message, cause);
    }
}
