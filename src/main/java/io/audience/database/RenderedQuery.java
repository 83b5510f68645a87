package io.audience.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Result;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A hot statement whose SQL jOOQ renders once, when its repository is made, and that then runs on
 * the transaction's connection with new bind values, without jOOQ building, rendering or parsing
 * anything again. On every call that work was a third of a lookup's CPU and most of a sign-up's
 * jOOQ time, plain SQL included (bench/README.md, "Less work per request"). Rows are read by jOOQ
 * with the shape's own fields, so {@code into(TABLE)} and the converters work as for any query,
 * and SQL errors become Spring's exceptions as jOOQ's Spring listener makes them. Only for
 * statements whose shape never changes: values come in the order of the shape's bind values, and
 * their number is checked at every call. Every rendered statement is kept in {@link #rendered()},
 * where the tests check that each names its account, as their listener does for jOOQ's statements.
 */
public final class RenderedQuery {

    private static final SQLExceptionTranslator ERRORS = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");
    private static final Set<String> RENDERED = ConcurrentHashMap.newKeySet();

    private final String sql;
    private final Field<?>[] fields;
    private final int binds;

    private RenderedQuery(String sql, Field<?>[] fields, int binds) {
        this.sql = sql;
        this.fields = fields;
        this.binds = binds;
        RENDERED.add(sql);
    }

    /** A select, read back as its own select list (the very field objects, so {@code into} finds them). */
    public static RenderedQuery select(DSLContext db, Select<?> shape) {
        return new RenderedQuery(
                db.render(shape),
                shape.getSelect().toArray(Field<?>[]::new),
                shape.getBindValues().size());
    }

    /** A write with {@code returning}, read back as the given fields, in the order it returns them. */
    public static RenderedQuery returning(DSLContext db, Query shape, Field<?>... fields) {
        return new RenderedQuery(db.render(shape), fields, shape.getBindValues().size());
    }

    /** A write that returns a row count only. */
    public static RenderedQuery write(DSLContext db, Query shape) {
        return new RenderedQuery(
                db.render(shape), new Field<?>[0], shape.getBindValues().size());
    }

    public Result<Record> fetch(DSLContext db, @Nullable Object... values) {
        checked(values);
        return db.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(c, statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, fields);
                }
            } catch (SQLException e) {
                throw translated(e);
            }
        });
    }

    public <T> List<T> fetch(DSLContext db, RecordMapper<? super Record, T> mapper, @Nullable Object... values) {
        return fetch(db, values).map(mapper);
    }

    public int execute(DSLContext db, @Nullable Object... values) {
        checked(values);
        return db.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(c, statement, values);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw translated(e);
            }
        });
    }

    String sql() {
        return sql;
    }

    /** Every statement rendered so far in this JVM. */
    static Set<String> rendered() {
        return Set.copyOf(RENDERED);
    }

    private void checked(@Nullable Object[] values) {
        if (values.length != binds) {
            throw new IllegalArgumentException(
                    "The statement takes " + binds + " values, not " + values.length + ": " + Arrays.toString(values));
        }
    }

    /** The driver binds these types itself (java.time included); arrays need their element type named. */
    private static void bind(Connection c, PreparedStatement statement, @Nullable Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, c.createArrayOf("varchar", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private DataAccessException translated(SQLException e) {
        DataAccessException translated = ERRORS.translate("RenderedQuery", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("RenderedQuery", sql, e);
    }
}
