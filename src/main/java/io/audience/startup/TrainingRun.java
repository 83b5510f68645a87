package io.audience.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build's training run: once the service is ready, it serves a request of each kind a user's
 * first minutes bring (the readiness probe, an API call, a console page), then stops as it would on
 * SIGTERM, so the JVM writes its class data sharing archive and the embedded PostgreSQL is shut
 * down, not orphaned (Spring's own {@code spring.context.exit=onRefresh} halts the JVM without
 * closing anything).
 */
@Component
@ConditionalOnBooleanProperty("audience.training-run")
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    /** Paths every start serves soon: what a request to them loads belongs in the archive too. */
    static final List<String> FIRST_REQUESTS =
            List.of("/actuator/health/readiness", "/actuator/health/liveness", "/v3/contacts", "/login");

    private final WebServerApplicationContext context;

    TrainingRun(WebServerApplicationContext context) {
        this.context = context;
    }

    /** Once ready, not at ApplicationReadyEvent: until then the readiness probe answers 503. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        WebServer server = Objects.requireNonNull(context.getWebServer(), "a started web server");
        serveFirstRequests(server.getPort());
        log.info("Training run done: stopping, so the JVM writes its class data sharing archive");
        System.exit(SpringApplication.exit(context));
    }

    private static void serveFirstRequests(int port) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : FIRST_REQUESTS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                log.info("Training run: GET {} answered {}", path, status);
            } catch (IOException e) {
                // The archive is only less complete without this request; the build goes on.
                log.warn("Training run: GET {} failed: {}", path, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
