package io.audience.identity;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Every id is a time-ordered UUID (version 7): new rows land at the right edge of each index. Java
 * makes them with {@link #next}; set-based SQL that inserts many rows at once with {@link #nextInSql}.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    /**
     * The same layout in PostgreSQL, which has no {@code uuidv7()} before 18: 48 bits of Unix
     * milliseconds, version 7, 12 bits of the sub-millisecond fraction (so ids made in one
     * millisecond still sort in time order), the variant, then random bits. Volatile, so each row
     * of a statement gets its own.
     */
    private static final Field<UUID> NEXT_IN_SQL = DSL.field("""
            (lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
             || lpad(to_hex((floor(extract(microseconds from clock_timestamp()))::int % 1000) * 4096 / 1000), 3, '0')
             || to_hex(8 + floor(random() * 4)::int) || lpad(to_hex(floor(random() * 4096)::int), 3, '0')
             || lpad(to_hex(floor(random() * 281474976710656)::bigint), 12, '0'))::uuid""", SQLDataType.UUID);

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }

    /** A new id for each row, in SQL: for statements that insert many rows at once. */
    public static Field<UUID> nextInSql() {
        return NEXT_IN_SQL;
    }
}
