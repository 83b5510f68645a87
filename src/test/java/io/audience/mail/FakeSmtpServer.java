package io.audience.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server that misbehaves on purpose, decided by the recipient's local part: one
 * containing "reject" gets 550, "busy" gets 451, "hang" gets no answer at all (the connection stays
 * open until {@link #releaseHung()}); anyone else is accepted and counted.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> hung = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    FakeSmtpServer() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int delivered(String address) {
        return delivered
                .getOrDefault(address.toLowerCase(Locale.ROOT), new AtomicInteger())
                .get();
    }

    /** RCPT commands seen for the address. */
    int attempts(String address) {
        return attempts.getOrDefault(address.toLowerCase(Locale.ROOT), new AtomicInteger())
                .get();
    }

    int hungConnections() {
        return (int) hung.stream().filter(s -> !s.isClosed()).count();
    }

    void releaseHung() {
        for (Socket socket : hung) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we want
            }
        }
    }

    @Override
    public void close() throws IOException {
        releaseHung();
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        String recipient = null;
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 fake ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake");
                } else if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'))
                            .toLowerCase(Locale.ROOT);
                    attempts.computeIfAbsent(recipient, k -> new AtomicInteger())
                            .incrementAndGet();
                    String local = recipient.substring(0, recipient.indexOf('@'));
                    if (local.contains("hang")) {
                        hung.add(socket);
                        while (in.readLine() != null) {
                            // say nothing until the client or the test gives up
                        }
                        return;
                    } else if (local.contains("reject")) {
                        reply(out, "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
                    } else if (local.contains("busy")) {
                        reply(out, "451 4.3.0 <" + recipient + ">: Mailbox busy, try again later");
                    } else {
                        reply(out, "250 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself does not matter here
                    }
                    if (recipient != null) {
                        delivered
                                .computeIfAbsent(recipient, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    reply(out, "250 queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away, or the test released a hung connection
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
