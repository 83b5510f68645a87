package io.audience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.1 request over a raw socket, for clients that misbehave: one that sends its body a
 * byte at a time ({@link #send}) or reads its answer slowly or not at all. Nothing of the body
 * is held in memory.
 */
public final class SlowRequest implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /** Sends the request line and headers; {@code headers} are name, value pairs. */
    public SlowRequest(int port, String method, String path, String... headers) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        out = socket.getOutputStream();
        in = socket.getInputStream();
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Raw bytes of the body (chunk framing, if any, is the caller's). */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The status code of the answer, reading its status line only. */
    public int status() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        if (line == null || !line.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: " + line);
        }
        return Integer.parseInt(line.substring(9, 12));
    }

    public InputStream answer() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
