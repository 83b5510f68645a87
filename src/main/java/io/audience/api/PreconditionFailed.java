package io.audience.api;

import org.springframework.http.HttpStatus;

/** 412: an If-Match header named a version that is no longer current. */
public final class PreconditionFailed extends ApiException {

    public PreconditionFailed(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PRECONDITION_FAILED;
    }

    @Override
    public String errorKey() {
        return "contacts.api.precondition.failed";
    }
}
