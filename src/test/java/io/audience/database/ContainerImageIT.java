package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.audience.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The container image that {@code jib:buildTar} wrote (target/jib-image.tar, in the verify phase)
 * runs as a container runtime would run it: its layers unpacked into a root of their own, its
 * entrypoint, user and environment taken from its configuration, with /proc and /dev and nothing
 * else of this machine. Unpacking as its owners and changing the root need root, as CI runs.
 */
class ContainerImageIT {

    private static final Path IMAGE = Path.of("target", "jib-image.tar");
    private static final String ADMIN_TOKEN = "container-image-test-admin-token-0123456789";
    private static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLS0tLS0=";

    @TempDir
    static Path work;

    private static Path root;
    private static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "the image test unpacks layers as their owners and changes the root: it needs root");
        assertThat(IMAGE).as("built by jib:buildTar in pre-integration-test").exists();
        Path tar = work.resolve("image");
        Files.createDirectories(tar);
        run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", tar.toString()));
        JsonNode manifest = Api.JSON
                .readTree(Files.readString(tar.resolve("manifest.json")))
                .get(0);
        config = Api.JSON
                .readTree(Files.readString(tar.resolve(manifest.get("Config").asString())))
                .get("config");
        root = work.resolve("root");
        Files.createDirectories(root);
        for (JsonNode layer : manifest.get("Layers")) {
            run(List.of("tar", "-xzf", tar.resolve(layer.asString()).toString(), "-C", root.toString()));
        }
        // The mount points a runtime makes for /proc and /dev.
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    @Test
    void theImageHoldsOnlyTheRuntimeTheServiceAndItsUserAndRunsAsThatUser() throws Exception {
        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(config.get("Entrypoint").get(0).asString()).isEqualTo("/opt/java/bin/java");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(root.resolve("bin"))
                .as("no shell, no tools: the base is scratch")
                .doesNotExist();
        assertThat(root.resolve("usr")).doesNotExist();
        assertThat(root.resolve("opt/java/jmods")).doesNotExist();
        assertThat(Files.isSymbolicLink(root.resolve("opt/java/lib/security/cacerts")))
                .as("the trust store itself, not a link to the build machine's /etc")
                .isFalse();
        assertThat(Files.size(root.resolve("opt/java/lib/security/cacerts"))).isGreaterThan(10_000);

        try (EmbeddedPostgresLauncher.Embedded database = new EmbeddedPostgresLauncher(work.resolve("db")).start()) {
            int port = freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", database.user());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password());
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("AUDIENCE_ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("AUDIENCE_MASTER_KEY", MASTER_KEY);
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            env.put("SPRING_MAIN_BANNER_MODE", "off");
            Container container = Container.start(env);
            try {
                String base = "http://127.0.0.1:" + port;
                container.awaitReady(base, Duration.ofMinutes(2));
                Api anonymous = new Api(base, null);
                assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
                assertThat(container.uid())
                        .as("the service's user in the container")
                        .isEqualTo("65532");

                Api admin = new Api(base, ADMIN_TOKEN);
                String token = admin.post("/admin/accounts", Api.object().put("name", "Image"))
                        .json()
                        .get("api_token")
                        .asString();
                Api api = new Api(base, token);
                Api.Response created = api.post("/v3/contacts", Api.json("""
                        {"email_address": {"address": "image@example.com"}, "create_source": "Account"}"""));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                assertThat(api.get("/v3/contacts?email=image@example.com")
                                .json()
                                .get("contacts")
                                .get(0)
                                .get("contact_id")
                                .asString())
                        .isEqualTo(created.json().get("contact_id").asString());
            } finally {
                container.stop();
            }
            List<String> lines =
                    container.output().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode entry = Api.JSON.readTree(line);
                assertThat(entry.has("@timestamp") && entry.has("message"))
                        .as("a JSON log entry: " + line)
                        .isTrue();
            }
            assertThat(container.output()).contains("Started AudienceApplication");
        }
    }

    @Test
    void withoutADatabaseUrlTheImageStopsAndSaysWhatToSet() throws Exception {
        Container container = Container.start(Map.of("AUDIENCE_ADMIN_TOKEN", ADMIN_TOKEN));
        try {
            assertThat(container.process.waitFor(120, TimeUnit.SECONDS))
                    .as("the service stops by itself")
                    .isTrue();
            assertThat(container.process.exitValue()).isNotZero();
            assertThat(container.output()).contains("SPRING_DATASOURCE_URL");
        } finally {
            container.stop();
        }
    }

    /** The image's entrypoint in its root, as its user, in a mount and process namespace of its own. */
    private record Container(Process process, Path log) {

        static Container start(Map<String, String> extraEnv) throws IOException {
            String[] user = config.get("User").asString().split(":");
            List<String> command = new ArrayList<>(List.of(
                    "unshare",
                    "--mount",
                    "--pid",
                    "--fork",
                    // The container's stop: SIGTERM to its process, which shuts down gracefully.
                    "--kill-child=SIGTERM",
                    "sh",
                    "-c",
                    "mount -t proc proc \"$0/proc\" && mount --rbind /dev \"$0/dev\""
                            + " && exec unshare --root=\"$0\" --wd=\"$1\" --setuid=\"$2\" --setgid=\"$3\" -- \"${@:4}\"",
                    root.toString(),
                    config.get("WorkingDir").asString(),
                    user[0],
                    user[1]));
            config.get("Entrypoint").forEach(arg -> command.add(arg.asString()));
            // sh is dash: no ${@:4}; bash is on every machine this runs on.
            command.set(command.indexOf("sh"), "bash");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            for (JsonNode variable : config.get("Env")) {
                String[] pair = variable.asString().split("=", 2);
                builder.environment().put(pair[0], pair[1]);
            }
            builder.environment().putAll(extraEnv);
            Path log = Files.createTempFile(work, "container", ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new Container(builder.start(), log);
        }

        void awaitReady(String base, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            Api anonymous = new Api(base, null);
            while (true) {
                assertThat(process.isAlive())
                        .as("the container stopped:\n" + output())
                        .isTrue();
                try {
                    if (anonymous.get("/actuator/health/readiness").status() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                assertThat(Instant.now()).as(output()).isBefore(deadline);
                Thread.sleep(250);
            }
        }

        /** The user id of the Java process inside the container. */
        String uid() throws IOException {
            ProcessHandle java = process.toHandle()
                    .descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .findFirst()
                    .orElseThrow();
            return Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .findFirst()
                    .orElseThrow()
                    .split("\\s+")[1];
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }

        /**
         * Stops the service as a runtime would (SIGTERM, then SIGKILL after 30 s), and then unshare.
         * The service must be signalled itself: unshare's {@code --kill-child} is a parent-death
         * signal, which the kernel clears when {@code --setuid} changes the user, so the service
         * outlived every run of this test until it was stopped this way.
         */
        void stop() throws Exception {
            List<ProcessHandle> inside = process.toHandle().descendants().toList();
            inside.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : inside) {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stuck) {
                    p.destroyForcibly();
                    p.onExit().get(10, TimeUnit.SECONDS);
                }
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            assertThat(inside).as("processes of the container left running").noneMatch(ProcessHandle::isAlive);
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(command + ": " + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
