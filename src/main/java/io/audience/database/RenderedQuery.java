package io.audience.database;

import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Result;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;

/**
 * A hot statement whose SQL jOOQ renders once, when its repository is made, and that then runs with
 * new bind values. Rendering the query's tree again on every call was the largest single cost of a
 * lookup (bench/README.md, "Less work per request"). The statement still runs through jOOQ as plain
 * SQL, so its listeners (the tests' tenant filter among them) see it, and its rows are read with the
 * shape's own fields and types. Only for statements whose shape never changes: the values are
 * given in the order of the shape's bind values, and their number is checked at every call.
 */
public final class RenderedQuery {

    private final String sql;
    private final Field<?>[] fields;
    private final int binds;

    private RenderedQuery(String sql, Field<?>[] fields, int binds) {
        this.sql = sql;
        this.fields = fields;
        this.binds = binds;
    }

    /** A select, read back as its own select list (the very field objects, so {@code into} finds them). */
    public static RenderedQuery select(DSLContext db, Select<?> shape) {
        return new RenderedQuery(
                render(db, shape),
                shape.getSelect().toArray(Field<?>[]::new),
                shape.getBindValues().size());
    }

    /** A write with {@code returning}, read back as the given fields, in the order it returns them. */
    public static RenderedQuery returning(DSLContext db, Query shape, Field<?>... fields) {
        return new RenderedQuery(
                render(db, shape), fields, shape.getBindValues().size());
    }

    /** A write that returns a row count only. */
    public static RenderedQuery write(DSLContext db, Query shape) {
        return new RenderedQuery(
                render(db, shape), new Field<?>[0], shape.getBindValues().size());
    }

    /**
     * The rows, as records of the shape's own (qualified) fields. A plain SQL result knows its
     * columns by their bare names only, so two tables' {@code created_at} would be one ambiguous
     * name to {@code into(TABLE)}: each row is copied across by position.
     */
    public Result<Record> fetch(DSLContext db, @Nullable Object... values) {
        Result<Record> plain =
                db.resultQuery(sql, checked(values)).coerce(fields).fetch();
        Result<Record> rows = db.newResult(fields);
        for (Record r : plain) {
            Record row = db.newRecord(fields);
            row.fromArray(r.intoArray());
            row.changed(false);
            rows.add(row);
        }
        return rows;
    }

    public <T> List<T> fetch(DSLContext db, RecordMapper<? super Record, T> mapper, @Nullable Object... values) {
        return fetch(db, values).map(mapper);
    }

    public int execute(DSLContext db, @Nullable Object... values) {
        return db.query(sql, checked(values)).execute();
    }

    String sql() {
        return sql;
    }

    private @Nullable Object[] checked(@Nullable Object[] values) {
        if (values.length != binds) {
            throw new IllegalArgumentException(
                    "The statement takes " + binds + " values, not " + values.length + ": " + Arrays.toString(values));
        }
        return values;
    }

    private static String render(DSLContext db, Query shape) {
        String sql = db.render(shape);
        // jOOQ would read braces in a plain SQL string as placeholders of its own.
        if (sql.indexOf('{') >= 0) {
            throw new IllegalArgumentException("A rendered statement with a brace cannot be reused: " + sql);
        }
        return sql;
    }
}
