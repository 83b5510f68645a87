package io.audience.ratelimit;

/** Whether a request may run, and the window its {@code RateLimit-*} headers report. */
public sealed interface Admission {

    Window window();

    record Admitted(Window window) implements Admission {}

    /** Refused by {@code limit}; the request was not counted against any limit. */
    record Refused(Window window, Limit limit, long retryAfterSeconds) implements Admission {}

    /**
     * The state of one limit after this request: its size, the requests left in it, and the whole
     * seconds (rounded up) until it is full again.
     */
    record Window(long limit, long remaining, long resetSeconds) {}
}
