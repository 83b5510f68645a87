package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A second service instance in its own JVM, on the test's database, with the extra environment
 * {@code extraEnv}; {@link #close} stops it.
 */
public final class OtherInstance implements AutoCloseable {

    private final Process process;
    private final int port;

    private OtherInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static OtherInstance start(DataSource dataSource, Map<String, String> extraEnv)
            throws IOException, InterruptedException, SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Under target/, like the test service's own data: a clean build removes it, and its log is
        // there to read when a test fails.
        Path dir = Files.createDirectories(Path.of("target", "other-instances", java.util.UUID.randomUUID().toString()))
                .toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "io.audience.AudienceApplication");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("AUDIENCE_"));
        env.put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        if (hikari.getPassword() != null) {
            env.put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        env.put("AUDIENCE_DATA_DIR", dir.toString());
        env.put("AUDIENCE_ADMIN_TOKEN", IntegrationTest.ADMIN_TOKEN);
        env.put("AUDIENCE_MASTER_KEY", IntegrationTest.MASTER_KEY);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.putAll(extraEnv);
        builder.redirectErrorStream(true);
        Path log = dir.resolve("service.log");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("second instance exited; see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return new OtherInstance(process, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("second instance did not start; see " + log);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
