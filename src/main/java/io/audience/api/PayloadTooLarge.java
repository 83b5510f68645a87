package io.audience.api;

import org.springframework.http.HttpStatus;

/** 413: the body is larger than the configured maximum. */
public final class PayloadTooLarge extends ApiException {

    public PayloadTooLarge(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONTENT_TOO_LARGE;
    }

    @Override
    public String errorKey() {
        return "contacts.api.payload.too_large";
    }
}
