package io.audience.feedback;

import io.audience.api.ApiException;
import org.springframework.http.HttpStatus;

/** 502: Amazon SNS's subscription could not be confirmed at its URL now; SNS sends it again. */
public final class NotConfirmed extends ApiException {

    public NotConfirmed(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_GATEWAY;
    }

    @Override
    public String errorKey() {
        return "feedback.subscription_not_confirmed";
    }
}
