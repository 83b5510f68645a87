package io.audience.feedback.provider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test inputs: payload samples under {@code feedback/} and fixed clocks. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String resource) {
        return SnsTestSigner.resource("feedback/" + resource);
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static Clock atEpochSecond(long seconds) {
        return at(Instant.ofEpochSecond(seconds));
    }
}
