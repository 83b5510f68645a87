package io.audience.api;

import org.springframework.http.HttpStatus;

/** 400: the request names something invalid; the message names the field and what is wrong. */
public final class ValidationFailed extends ApiException {

    public ValidationFailed(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String errorKey() {
        return "contacts.api.validation.error";
    }
}
