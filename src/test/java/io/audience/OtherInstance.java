package io.audience;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
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
        int port = ServiceProcess.freePort();
        // Under target/, like the test service's own data: a clean build removes it, and its log is
        // there to read when a test fails.
        Path dir = Path.of(
                        "target", "other-instances", java.util.UUID.randomUUID().toString())
                .toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        if (hikari.getPassword() != null) {
            env.put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        env.put("AUDIENCE_ADMIN_TOKEN", IntegrationTest.ADMIN_TOKEN);
        env.put("AUDIENCE_MASTER_KEY", IntegrationTest.MASTER_KEY);
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.putAll(extraEnv);
        return new OtherInstance(ServiceProcess.start(dir, port, env), port);
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
