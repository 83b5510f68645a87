package io.audience.feedback.provider;

/**
 * A webhook request that is not authentic, or too old to be trusted. The message says what was
 * wrong, never a secret or a signature, so it can be logged.
 */
public final class BadSignature extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadSignature(String message) {
        super(message);
    }

    public BadSignature(String message, Throwable cause) {
        super(message, cause);
    }
}
