package io.audience.confirmation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where people reach this service from their mail: AUDIENCE_PUBLIC_URL, or localhost and the port. */
@Component
class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${audience.public-url:}") String configured, Environment environment) {
        this.configured = configured.strip();
        this.environment = environment;
    }

    String of(String path) {
        String base = configured.isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"))
                : configured;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
