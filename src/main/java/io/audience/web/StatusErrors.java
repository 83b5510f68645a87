package io.audience.web;

/** The vendor's error key and a plain message for a status that no handler explained. */
final class StatusErrors {

    private StatusErrors() {}

    static String key(int status) {
        return switch (status) {
            case 400 -> "contacts.api.validation.error";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "contacts.api.not_found";
            case 413 -> "contacts.api.payload_too_large";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "The request is not valid HTTP or its URL does not decode as UTF-8";
            case 404 -> "There is nothing at this path";
            default -> status >= 500 ? "There was a problem with our internal service" : "The request was refused";
        };
    }
}
