package io.audience.api;

import org.springframework.http.HttpStatus;

/** 404: no such resource in the caller's account (another account's ids land here too). */
public final class NotFound extends ApiException {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String errorKey() {
        return "contacts.api.not_found";
    }
}
