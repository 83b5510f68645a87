package io.audience.contact.imports;

/** Milliseconds each step of a chunk took, for the debug log. */
final class Laps {

    private final StringBuilder ms = new StringBuilder();
    private long at = System.nanoTime();

    void lap() {
        long now = System.nanoTime();
        ms.append(' ').append((now - at) / 1_000_000);
        at = now;
    }

    @Override
    public String toString() {
        return ms.toString();
    }
}
