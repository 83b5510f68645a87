package io.audience.contact.imports;

/**
 * Whether a file may hold an address twice, from 64 bits of each address's fingerprint, kept in an
 * open-addressing set of longs (8 bytes an address, no objects). A repeated value means the file
 * may repeat an address (or two addresses share 64 bits): the chunks then look for repeats. None
 * means none, and the chunks skip that look. Past {@link #MAX_SLOTS} the set is dropped and the
 * answer is "may repeat", so a huge file costs at most 32 MB here.
 */
final class SeenAddresses {

    static final int MAX_SLOTS = 1 << 22;

    private long[] slots = new long[1 << 16];
    private int size;
    private boolean mayRepeat;

    void add(long value) {
        if (mayRepeat) {
            return;
        }
        long v = value == 0 ? 1 : value;
        if (!insert(slots, v)) {
            mayRepeat = true;
            slots = new long[0];
            return;
        }
        if (++size * 2 > slots.length) {
            if (slots.length == MAX_SLOTS) {
                mayRepeat = true;
                slots = new long[0];
                return;
            }
            long[] bigger = new long[slots.length * 2];
            for (long s : slots) {
                if (s != 0) {
                    insert(bigger, s);
                }
            }
            slots = bigger;
        }
    }

    boolean mayRepeat() {
        return mayRepeat;
    }

    /** False when the value is there already. */
    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = (int) (mix(v) & mask);
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        return true;
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
