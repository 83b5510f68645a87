package io.audience.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's webhook receiver for tests: {@link ReceiverMain} in its own JVM on 127.0.0.1, so a
 * test can take it down ({@link #stop()}: connections are refused) and bring it back on the same
 * port ({@link #start()}). Deliveries are kept across a restart; the secrets and the mode set last
 * are set again when it comes back.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request the receiver got; {@code timestamp} is webhook-timestamp (0 when not a number). */
    record Delivery(
            String id, long timestamp, String signature, String body, String path, boolean verified, long receivedAt) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final int port;
    private final Path dir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook;
    private Process process;
    private List<String> secrets = List.of();
    private String mode = "ok";

    WebhookReceiver() {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            dir = Files.createTempDirectory("webhook-receiver");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shutdownHook = new Thread(this::destroy);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        process = launch();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    int port() {
        return port;
    }

    /** The secrets deliveries are verified with ({@code whsec_<base64>}); none verifies nothing. */
    void secrets(String... secrets) {
        control("POST", "secrets", String.join("\n", secrets));
        this.secrets = List.of(secrets);
    }

    /** ok (204), fail (500), slow (200 after 15 s) or a status to answer. */
    void mode(String mode) {
        control("POST", "mode", mode);
        this.mode = mode;
    }

    /** Every delivery so far, in order of arrival; read from its file while the receiver is down. */
    List<Delivery> received() {
        if (process.isAlive()) {
            return JSON.readValue(control("GET", "received", ""), new TypeReference<List<Delivery>>() {});
        }
        Path file = dir.resolve("received.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Delivery> deliveries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                deliveries.add(JSON.readValue(line, Delivery.class));
            }
            return deliveries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deliveries once {@code until} holds for them; fails with what arrived after {@code timeout}. */
    List<Delivery> awaitReceived(Predicate<List<Delivery>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Delivery> deliveries = received();
            if (until.test(deliveries)) {
                return deliveries;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after " + timeout + " the receiver has " + deliveries);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    void clear() {
        control("POST", "clear", "");
    }

    /** Takes the receiver down: its process ends, its port refuses connections. */
    void stop() {
        destroy();
    }

    /** Brings a stopped receiver back on the same port, with the same secrets and mode. */
    void start() {
        if (process.isAlive()) {
            throw new IllegalStateException("the receiver is running");
        }
        process = launch();
        if (!secrets.isEmpty()) {
            control("POST", "secrets", String.join("\n", secrets));
        }
        control("POST", "mode", mode);
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
    }

    private Process launch() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReceiverMain.class.getName(),
                        Integer.toString(port),
                        dir.resolve("received.jsonl").toString())
                .redirectErrorStream(true);
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread output = new Thread(() -> relay(started, ready), "webhook-receiver-output");
        output.setDaemon(true);
        output.start();
        try {
            ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            started.destroyForcibly();
            throw new IllegalStateException("the webhook receiver did not start on port " + port, e);
        }
        return started;
    }

    /** Waits for READY, then passes on what else the receiver prints (stack traces) to stderr. */
    private static void relay(Process process, CompletableFuture<Void> ready) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    ready.complete(null);
                } else {
                    System.err.println("[webhook receiver] " + line);
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the receiver ended before it was ready"));
    }

    private void destroy() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(5, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String control(String method, String name, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_control/" + name))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalArgumentException(name + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
