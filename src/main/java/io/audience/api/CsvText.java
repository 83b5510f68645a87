package io.audience.api;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How an uploaded CSV file is read as text, for every import that takes one. */
public final class CsvText {

    private CsvText() {}

    /**
     * The body as UTF-8 text without a leading byte-order mark; an invalid sequence reads as
     * {@code invalid}, so it spoils the row it is in, not the file.
     */
    public static Reader utf8(InputStream in, char invalid) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                                .replaceWith(String.valueOf(invalid))),
                1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * Refuses (400) a file with a record longer than {@code max} characters while it is read, so
     * the parser never buffers one huge cell; {@code why} ends the error (what a record needs).
     */
    public static Reader recordsUpTo(Reader in, int max, String why) {
        return new RecordLimit(in, max, why);
    }

    /**
     * A reason that quotes a cell, fit to store and show: control characters (NUL above all, which
     * PostgreSQL text cannot hold), {@code invalid} (an undecodable byte) and U+FFFE read as U+FFFD.
     */
    public static String printable(String reason, char invalid) {
        StringBuilder out = null;
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c) || c == invalid || c == '\uFFFE') {
                if (out == null) {
                    out = new StringBuilder(reason.length()).append(reason, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? reason : out.toString();
    }

    /**
     * The 400 for a file the CSV parser gave up on, in words: the parser's message without its
     * class name, and its jargon for the usual case (a quote never closed) said plainly.
     */
    public static ValidationFailed notCsv(UncheckedIOException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String why = String.valueOf(cause.getMessage())
                .replace("EOF reached before encapsulated token finished", "the file ends inside a quoted cell")
                .replace("startline", "line");
        return new ValidationFailed("The file is not valid CSV: " + why);
    }

    /** A quoted cell may hold line breaks, so quotes are followed. */
    private static final class RecordLimit extends FilterReader {

        private final int max;
        private final String why;
        private boolean quoted;
        private int length;
        private long records = 1;

        RecordLimit(Reader in, int max, String why) {
            super(in);
            this.max = max;
            this.why = why;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                length = 0;
                records++;
                return;
            }
            if (++length > max) {
                throw new ValidationFailed(
                        "line " + records + " of the file is longer than " + max + " characters; " + why);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
