package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as a user runs it: its own JVM, with the data folder {@code dataDir} (the embedded
 * PostgreSQL, unless {@code env} names a database) and the environment {@code env}, logging to
 * {@code <dataDir>/service.log}; healthy when started, or stopped and failed.
 */
public final class ServiceProcess {

    private ServiceProcess() {}

    public static Process start(Path dataDir, int port, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(dataDir, port, env, "-Xmx384m");
    }

    /** As {@link #start(Path, int, Map)}, with these JVM options instead of the default heap. */
    public static Process start(Path dataDir, int port, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        // A service started for a test lives for seconds: compiling it fully (C2, and its threads)
        // only competes with the test for the machine's cores while it starts.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.audience.AudienceApplication"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("AUDIENCE_"));
        environment.put("AUDIENCE_DATA_DIR", dataDir.toString());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.putAll(env);
        Files.createDirectories(dataDir);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDir.toFile(), "service.log")));
        Process process = builder.start();
        try {
            awaitHealthy(process, port, dataDir);
        } catch (AssertionError | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the service answers its health probe; fails when it exits first or takes 3 minutes. */
    public static void awaitHealthy(Process process, int port, Path dataDir) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("service exited; see " + dataDir.resolve("service.log"))
                    .isTrue();
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become healthy; see " + dataDir.resolve("service.log"));
    }
}
