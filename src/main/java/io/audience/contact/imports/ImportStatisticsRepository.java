package io.audience.contact.imports;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/** Keeps the planner's statistics of the tables an import grows up to date while it runs. */
@Repository
class ImportStatisticsRepository {

    private static final Logger log = LoggerFactory.getLogger(ImportStatisticsRepository.class);

    private final DSLContext db;

    ImportStatisticsRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * An import grows the tables it writes faster than autovacuum re-analyses them, and with stale
     * statistics (a table "of 12 rows" that has a million) nested loops run the wrong way round.
     * Analysed before the first chunk and again each time the import has doubled what it applied
     * (10,000, 20,000, 40,000 rows...): a few analyses per import, each a sample of 30,000 rows.
     */
    void refreshStatistics(int from) {
        int done = from - 1;
        if (done == 0 || (done >= 10_000 && done % 10_000 == 0 && Integer.bitCount(done / 10_000) == 1)) {
            long started = System.nanoTime();
            db.execute("analyze contact, email_consent, list_membership");
            log.debug("Statistics refreshed after {} rows in {} ms", done, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
