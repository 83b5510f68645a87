package io.audience.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 409: the request conflicts with what exists; details say with what, so the client can act. */
public class Conflict extends ApiException {

    public Conflict(String message) {
        super(message);
    }

    public Conflict(String message, Map<String, Object> details) {
        super(message, details);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String errorKey() {
        return "contacts.api.conflict";
    }
}
