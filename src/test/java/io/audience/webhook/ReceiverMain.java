package io.audience.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.audience.webhook.WebhookReceiver.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver in its own process, as a customer runs one: it records every delivery and
 * checks its signature with its own reading of the Standard Webhooks specification (HMAC-SHA256
 * with javax.crypto), independent of the service's code and of the library it signs with. Started
 * by {@link WebhookReceiver}; arguments: the port (on 127.0.0.1) and the file the deliveries are
 * appended to, one JSON line each, so a receiver started again still holds the earlier ones.
 * Requests to {@code /_control/...} configure it; every other POST is a delivery.
 */
final class ReceiverMain {

    private static final String SECRET_PREFIX = "whsec_";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration SLOW = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path log;
    private final List<Delivery> received = new ArrayList<>();
    private volatile List<byte[]> keys = List.of();
    private volatile String mode = "ok";

    private ReceiverMain(Path log) throws IOException {
        this.log = log;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                received.add(JSON.readValue(line, Delivery.class));
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ReceiverMain receiver = new ReceiverMain(Path.of(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        // a thread per request: a slow answer must not hold up the next delivery or the controls
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                receiver.handle(exchange);
            } catch (IOException | RuntimeException e) {
                // WebhookReceiver relays this line to the test's output
                System.out.println("failed on " + exchange.getRequestURI() + ": " + e);
            }
        });
        server.start();
        exitWhenTheParentGoes();
        System.out.println("READY");
        System.out.flush();
    }

    /** Standard input is a pipe from the test's JVM: when that JVM is gone, so is this one. */
    private static void exitWhenTheParentGoes() {
        Thread watch = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() != -1) {
                    // nothing is sent; read until the pipe closes
                }
            } catch (IOException closed) {
                // the same: the parent is gone
            }
            System.exit(0);
        });
        watch.setDaemon(true);
        watch.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (!path.startsWith("/_control")) {
            if (!method.equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            record(exchange, path, body);
            answer(exchange);
            return;
        }
        switch (method + " " + path) {
            case "POST /_control/mode" -> mode(exchange, text.strip());
            case "POST /_control/secrets" -> secrets(exchange, text);
            case "POST /_control/clear" -> {
                synchronized (received) {
                    received.clear();
                    Files.write(log, new byte[0]);
                }
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /_control/received" -> {
                byte[] json;
                synchronized (received) {
                    json = JSON.writeValueAsBytes(received);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
            default -> refuse(exchange, 404, "no such control: " + method + " " + path);
        }
    }

    private void record(HttpExchange exchange, String path, byte[] body) throws IOException {
        String id = header(exchange, "webhook-id");
        String timestamp = header(exchange, "webhook-timestamp");
        String signature = header(exchange, "webhook-signature");
        long receivedAt = System.currentTimeMillis();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException notANumber) {
            seconds = 0;
        }
        boolean fresh = Math.abs(receivedAt / 1000 - seconds) <= TOLERANCE.toSeconds();
        boolean verified = fresh && signed(id, timestamp, body, signature);
        Delivery delivery = new Delivery(
                id, seconds, signature, new String(body, StandardCharsets.UTF_8), path, verified, receivedAt);
        synchronized (received) {
            received.add(delivery);
            // written before the answer, so a delivery the service saw answered is never lost
            Files.write(
                    log,
                    (JSON.writeValueAsString(delivery) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Whether any v1 signature in the header is the HMAC of id.timestamp.body under any secret. */
    private boolean signed(String id, String timestamp, byte[] body, String header) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            byte[] expected = hmac(key, prefix, body);
            for (String entry : header.split(" ")) {
                if (!entry.startsWith("v1,")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(3));
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String current = mode;
        switch (current) {
            case "ok" -> exchange.sendResponseHeaders(204, -1);
            case "fail" -> exchange.sendResponseHeaders(500, -1);
            case "slow" -> {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            }
            default -> exchange.sendResponseHeaders(Integer.parseInt(current), -1);
        }
    }

    private void mode(HttpExchange exchange, String value) throws IOException {
        if (!List.of("ok", "fail", "slow").contains(value)) {
            int status;
            try {
                status = Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                status = 0;
            }
            if (status < 200 || status > 599) {
                refuse(exchange, 400, "mode is ok, fail, slow or a status from 200 to 599, not " + value);
                return;
            }
        }
        mode = value;
        exchange.sendResponseHeaders(204, -1);
    }

    private void secrets(HttpExchange exchange, String text) throws IOException {
        List<byte[]> parsed = new ArrayList<>();
        for (String line : text.split("\n")) {
            String secret = line.strip();
            if (secret.isEmpty()) {
                continue;
            }
            if (!secret.startsWith(SECRET_PREFIX)) {
                refuse(exchange, 400, "a secret starts with " + SECRET_PREFIX);
                return;
            }
            try {
                parsed.add(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())));
            } catch (IllegalArgumentException notBase64) {
                refuse(exchange, 400, "a secret is " + SECRET_PREFIX + " and base64: " + secret);
                return;
            }
        }
        keys = List.copyOf(parsed);
        exchange.sendResponseHeaders(204, -1);
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
