package io.audience.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A sending mail server, as plain as one: one SMTP transaction from the null sender, with the
 * reply code of each step, so a test sees exactly where the listener refused.
 */
final class SmtpConversation {

    /** The codes of RCPT TO (one per recipient) and of the end of DATA (0 when DATA was not reached). */
    record Replies(List<Integer> recipients, int data, String dataText) {}

    private SmtpConversation() {}

    static Replies send(int port, List<String> recipients, String mail) throws IOException {
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            command(out, in, "EHLO mx.example.net");
            command(out, in, "MAIL FROM:<>");
            List<Integer> codes = new ArrayList<>();
            for (String recipient : recipients) {
                codes.add(code(command(out, in, "RCPT TO:<" + recipient + ">")));
            }
            if (codes.stream().noneMatch(c -> c == 250)) {
                command(out, in, "QUIT");
                return new Replies(codes, 0, "");
            }
            command(out, in, "DATA");
            String body = mail.replace("\r\n", "\n").replace("\n", "\r\n").replace("\r\n.", "\r\n..");
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.write((body.endsWith("\r\n") ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String end = reply(in);
            command(out, in, "QUIT");
            return new Replies(codes, code(end), end);
        }
    }

    private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply(in);
    }

    /** A whole reply, its continuation lines (250-...) included; the last line. */
    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    private static int code(String reply) {
        return Integer.parseInt(reply.substring(0, 3));
    }
}
