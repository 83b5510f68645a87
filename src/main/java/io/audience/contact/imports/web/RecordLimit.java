package io.audience.contact.imports.web;

import io.audience.api.ValidationFailed;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a CSV file with a record longer than {@code max} characters while it is read, so the
 * parser never buffers one huge cell (a quoted cell may hold line breaks, so quotes are followed).
 */
final class RecordLimit extends FilterReader {

    private final int max;
    private boolean quoted;
    private int length;
    private long records = 1;

    RecordLimit(Reader in, int max) {
        super(in);
        this.max = max;
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
            throw new ValidationFailed("line " + records + " of the file is longer than " + max
                    + " characters; no contact needs that much");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
