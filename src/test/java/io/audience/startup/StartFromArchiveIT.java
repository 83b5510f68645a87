package io.audience.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started as the README says, from what {@code package} left in target/app: the
 * extracted jar and the class data sharing archive of the training run. The start-up time itself is
 * bench/start.sh's to measure; this checks that the archive is really used and the training left
 * nothing running.
 */
class StartFromArchiveIT {

    private static final Path APP = Path.of("target", "app");
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (.*)$");

    @TempDir
    Path work;

    @Test
    void theServiceStartedAsTheReadmeSaysTakesItsClassesFromTheArchiveTheBuildTrained() throws Exception {
        assertThat(APP.resolve("audience.jsa"))
                .as("written by the build's training run")
                .exists();
        // The first start makes the data folder; the second, a restart, is the one checked.
        start(work.resolve("first-start-classes.log"));
        Path classLog = work.resolve("classes.log");
        start(classLog);

        // Classes Spring makes at run time (CGLIB proxies, lambdas' hidden classes) cannot be archived on
        // Java 17; of the classes read from a class file (the JDK's or a jar's), the archive must hold
        // all of the service's own and nearly all of the rest.
        List<String> lines = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        long ours = 0;
        long oursShared = 0;
        long all = 0;
        long allShared = 0;
        for (String line : lines) {
            Matcher loaded = LOADED.matcher(line);
            if (!loaded.find()) {
                continue;
            }
            String source = loaded.group(2);
            boolean shared = source.startsWith("shared objects file");
            if (!shared && !source.startsWith("file:") && !source.startsWith("jrt:")) {
                continue;
            }
            all++;
            allShared += shared ? 1 : 0;
            if (loaded.group(1).startsWith("io.audience.")) {
                ours++;
                oursShared += shared ? 1 : 0;
            }
        }
        assertThat(lines)
                .as("the application's main class comes from the archive's top layer")
                .anyMatch(l -> l.contains("io.audience.AudienceApplication source: shared objects file (top)"));
        assertThat(ours).isGreaterThan(300);
        assertThat(oursShared).as("the service's classes from the archive").isEqualTo(ours);
        assertThat(allShared * 100 / all)
                .as("%s of the %s classes read from class files came from the archive", allShared, all)
                .isGreaterThanOrEqualTo(98);
    }

    @Test
    void theTrainingRunStoppedItsEmbeddedDatabase() {
        Path training = Path.of("target", "cds-training", "postgres");
        assertThat(training.resolve("PG_VERSION"))
                .as("the training ran on its own database")
                .exists();
        assertThat(training.resolve("postmaster.pid"))
                .as("PostgreSQL removes its pid file when it shuts down; a halted JVM would have left it running")
                .doesNotExist();
    }

    /** Starts the service as the README says, with -Xshare:on and a class log, waits until ready, stops it. */
    private void start(Path classLog) throws Exception {
        int port = freePort();
        // -Xshare:on: the JVM refuses to start when it cannot map the archive, where the README's
        // command (-Xshare:auto) would only start slower.
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=target/app/audience.jsa",
                        "-Xlog:class+load=info:file=" + classLog,
                        "-jar",
                        "target/app/audience.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("service.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("AUDIENCE_"));
        builder.environment().put("AUDIENCE_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process service = builder.start();
        try {
            awaitReady(service, port);
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitReady(Process service, int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive())
                    .as("the service is running (-Xshare:on refuses an unusable archive)")
                    .isTrue();
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
