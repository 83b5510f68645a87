package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service as it is run, at -Xmx512m and the default limits (1 MB bodies, 1 GB imports), gets
 * bodies of 1 GB of every shape, generated while they are sent (never held by the test), on
 * several endpoints: each answer is a 4xx, and the service neither runs out of memory nor stops.
 */
class HugeBodiesIntegrationTest {

    private static final String ADMIN = "huge-bodies-admin-token-of-this-test";
    private static final long GB = 1L << 30;
    private static final String BOUNDARY = "----huge-boundary";

    private final Path dataDir =
            Path.of("target", "huge-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        senders.shutdownNow();
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGigabyteBodyOfAnyShapeOnAnyEndpointIsA4xxAndTheServiceKeepsItsMemory() throws Exception {
        int port = ServiceProcess.freePort();
        service = ServiceProcess.start(
                dataDir, port, Map.of("AUDIENCE_ADMIN_TOKEN", ADMIN), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        Api admin = new Api("http://127.0.0.1:" + port, ADMIN);
        String token = admin.post("/admin/accounts", Api.object().put("name", "Huge"))
                .json()
                .get("api_token")
                .asString();
        Api api = admin.withToken(token);
        String list = api.post("/v3/contact_lists", Api.json("{\"name\": \"Huge\"}"))
                .json()
                .get("list_id")
                .asString();
        String json = "application/json";

        // The small endpoints stop reading at 1 MB, whatever the shape or framing.
        assertRefused(port, token, "POST", "/v3/contacts", json, false, "{\"first_name\": \"", "a", "\"}", GB, 413);
        // An id list is refused at its 501st id, long before the size limit.
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contact_delete",
                json,
                true,
                "{\"contact_ids\": [",
                "\"" + UUID.randomUUID() + "\",",
                "\"x\"]}",
                GB,
                400);
        // Past the size limit before the list's end: a single id padded with spaces.
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contact_delete",
                json,
                true,
                "{\"contact_ids\": [\"" + UUID.randomUUID() + "\"",
                " ",
                "]}",
                GB,
                413);
        // Deep nesting stops at the parser's depth limit, long before the size limit.
        assertRefused(port, token, "PUT", "/v3/contact_lists/" + list, json, true, "", "[", "", GB, 400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contact_exports",
                json,
                true,
                "{\"list_ids\": [",
                "\"" + list + "\",",
                "\"x\"]}",
                GB,
                400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/contacts",
                "multipart/form-data; boundary=" + BOUNDARY,
                true,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n",
                "a",
                "\r\n--" + BOUNDARY + "--\r\n",
                GB,
                415);
        assertRefused(port, token, "POST", "/admin/accounts", json, true, "{\"name\": \"", "a", "\"}", GB, 401);
        // An upload is parsed only after its token is checked.
        assertRefused(
                port,
                "not-a-token",
                "POST",
                "/v3/activities/contacts_file_import",
                "multipart/form-data; boundary=" + BOUNDARY,
                true,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\n",
                "email\r\n",
                "\r\n--" + BOUNDARY + "--\r\n",
                GB,
                401);

        // The imports read up to 1 GB into a spool file, then refuse what they cannot use.
        long justUnder = GB - 4096;
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contacts_json_import",
                json,
                false,
                "{\"list_ids\": [\"" + list + "\"], \"import_data\": [",
                "1,",
                "1]}",
                justUnder,
                400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contacts_json_import",
                json,
                true,
                "{\"list_ids\": [\"" + list + "\"], \"import_data\": [{\"email\": \"",
                "a",
                "\"}]}",
                justUnder,
                400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contacts_json_import",
                json,
                false,
                "{\"list_ids\": [\"" + list + "\"], \"import_data\": [{\"email\": ",
                "[",
                "",
                justUnder,
                400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contacts_file_import",
                "multipart/form-data; boundary=" + BOUNDARY,
                false,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"list_ids\"\r\n\r\n" + list + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\n"
                        + "email,first_name\r\nx@example.com,",
                "a",
                "\r\n--" + BOUNDARY + "--\r\n",
                justUnder,
                400);
        assertRefused(
                port,
                token,
                "POST",
                "/v3/activities/contacts_file_import",
                "multipart/form-data; boundary=" + BOUNDARY,
                true,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\n",
                "email\r\n",
                "\r\n--" + BOUNDARY + "--\r\n",
                GB + 4096,
                413);

        assertThat(service.isAlive()).as("the service is still running").isTrue();
        assertThat(Files.readString(dataDir.resolve("service.log"))).doesNotContain("OutOfMemoryError");
        assertThat(api.get("/v3/contact_lists/" + list).status()).isEqualTo(200);
        try (var spool = Files.list(dataDir.resolve("spool"))) {
            assertThat(spool.toList())
                    .as("spool files are deleted when their request ends")
                    .isEmpty();
        }
    }

    /**
     * Sends {@code prefix}, then {@code filler} repeated to {@code total} bytes, then {@code suffix},
     * with a length or chunked, while another thread waits for the answer's status line (the service
     * may answer, and close, long before the body ends).
     */
    private void assertRefused(
            int port,
            String token,
            String method,
            String path,
            String contentType,
            boolean chunked,
            String prefix,
            String filler,
            String suffix,
            long total,
            int expected)
            throws Exception {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] unit = filler.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[(65536 / unit.length) * unit.length];
        for (int i = 0; i < block.length; i += unit.length) {
            System.arraycopy(unit, 0, block, i, unit.length);
        }
        long fill = ((total - head.length - tail.length) / unit.length) * unit.length;
        long length = head.length + fill + tail.length;
        String[] headers = chunked
                ? new String[] {
                    "Authorization", "Bearer " + token, "Content-Type", contentType, "Transfer-Encoding", "chunked"
                }
                : new String[] {
                    "Authorization",
                    "Bearer " + token,
                    "Content-Type",
                    contentType,
                    "Content-Length",
                    Long.toString(length)
                };
        try (SlowRequest request = new SlowRequest(port, method, path, headers)) {
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return request.status();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    senders);
            try {
                send(request, head, chunked);
                for (long sent = 0; sent < fill && !status.isDone(); sent += block.length) {
                    send(
                            request,
                            sent + block.length <= fill ? block : Arrays.copyOf(block, (int) (fill - sent)),
                            chunked);
                }
                send(request, tail, chunked);
                if (chunked) {
                    request.send("0\r\n\r\n");
                }
            } catch (IOException closedEarly) {
                // The service answered and closed before the body ended: the status line tells what it said.
            }
            int answered = status.get(5, TimeUnit.MINUTES);
            assertThat(answered)
                    .as(method + " " + path + " with " + length + " bytes of " + filler.strip())
                    .isEqualTo(expected);
        }
        assertThat(service.isAlive())
                .as("the service survived " + method + " " + path)
                .isTrue();
    }

    private static void send(SlowRequest request, byte[] bytes, boolean chunked) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        if (chunked) {
            request.send(Integer.toHexString(bytes.length) + "\r\n");
            request.send(bytes);
            request.send("\r\n");
        } else {
            request.send(bytes);
        }
    }
}
