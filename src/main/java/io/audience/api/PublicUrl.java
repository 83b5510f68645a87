package io.audience.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where people and apps reach this service: AUDIENCE_PUBLIC_URL, or localhost and the port. */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    /** The configured base, or empty when it follows the port (known only once the server listens). */
    public String configured() {
        return configured;
    }

    PublicUrl(@Value("${audience.public-url:}") String configured, Environment environment) {
        this.configured = configured.strip();
        this.environment = environment;
    }

    public String of(String path) {
        String base = configured.isEmpty()
                ? "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : configured;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
