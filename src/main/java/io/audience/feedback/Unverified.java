package io.audience.feedback;

import io.audience.api.ApiException;
import org.springframework.http.HttpStatus;

/** 401: a provider's request whose signature, credentials or time do not hold; nothing was read. */
public final class Unverified extends ApiException {

    public Unverified(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String errorKey() {
        return "feedback.unverified";
    }
}
