package io.audience.activity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * Terminates, as an administrator would, every database backend running a chunk of an import
 * (the chunk statements of ImportChunkRepository read the staged rows as "import_row i"), until it has
 * killed {@code atMost} of them or {@code forAtMost} has passed since the first.
 */
final class ChunkBackendKiller implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger killed = new AtomicInteger();
    private final Thread thread;

    private ChunkBackendKiller(DSLContext db, int atMost, Duration forAtMost) {
        thread = new Thread(
                () -> {
                    long until = Long.MAX_VALUE;
                    while (!stop.get() && killed.get() < atMost && System.nanoTime() < until) {
                        Object n = db.fetchValue("""
                        select count(*)::int from (
                          select pg_terminate_backend(pid) from pg_stat_activity
                          where datname = current_database() and pid <> pg_backend_pid()
                            and state in ('active', 'idle in transaction') and query like '%import_row i %'
                            and query not like '%pg_terminate_backend%') t""");
                        int now = n == null ? 0 : ((Number) n).intValue();
                        if (now > 0 && killed.getAndAdd(now) == 0) {
                            until = System.nanoTime() + forAtMost.toNanos();
                        }
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "backend-killer");
        thread.start();
    }

    static ChunkBackendKiller killing(DSLContext db, int atMost) {
        return new ChunkBackendKiller(db, atMost, Duration.ofDays(1));
    }

    static ChunkBackendKiller killingFor(DSLContext db, Duration afterTheFirst) {
        return new ChunkBackendKiller(db, Integer.MAX_VALUE, afterTheFirst);
    }

    int killed() {
        return killed.get();
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
