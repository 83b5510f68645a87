package io.audience.contact.export;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.confirmation.SubscriberLinksInBulk;
import io.audience.contact.ContactFilters;
import io.audience.contact.ContactQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Repository;

/**
 * An export as one {@code COPY (select ...) TO STDOUT}, copied by PostgreSQL straight into the
 * response: the speed of a raw {@code COPY}, in constant memory. COPY takes no bind values, so the
 * query is rendered with its values inlined (escaped by jOOQ; they are ids and enum names).
 */
@Repository
class ExportRepository {

    static final Map<String, Field<?>> COLUMNS = columns();

    /**
     * Columns a file has only when asked for by name: a sending system's links for each contact
     * (an extension), made by the confirmation module for the address.
     */
    static final List<String> LINK_COLUMNS = List.of("unsubscribe_url", "list_unsubscribe");

    private static final Set<String> TIMES =
            Set.of("email_optin_date", "email_optout_date", "email_bounced_at", "created_at", "updated_at");
    private static final List<Field<String>> FORMULA_STARTS = List.of("=", "+", "-", "@", "\t", "\r").stream()
            .<Field<String>>map(DSL::inline)
            .toList();

    private final DSLContext db;
    private final DataSource dataSource;
    private final SubscriberLinksInBulk links;

    ExportRepository(DSLContext db, DataSource dataSource, SubscriberLinksInBulk links) {
        this.db = db;
        this.dataSource = dataSource;
        this.links = links;
    }

    /** The addresses of the contacts the query selects, for the links to be made before the copy reads them. */
    private static Select<Record1<String>> emailKeys(UUID accountId, ContactQuery query) {
        return DSL.select(CONTACT.EMAIL_KEY)
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(ContactFilters.of(accountId, query));
    }

    /**
     * Copies the contacts the query selects, in contact id order, as CSV with a header line. Link
     * columns are made first, committed on their own, since the COPY reads on another connection.
     */
    void copy(UUID accountId, ContactQuery query, List<String> columns, OutputStream out) {
        if (columns.stream().anyMatch(LINK_COLUMNS::contains)) {
            links.prepare(accountId, emailKeys(accountId, query));
        }
        Field<String> url = links.unsubscribeUrl(CONTACT.ACCOUNT_ID, CONTACT.EMAIL_KEY);
        Map<String, Field<?>> links = Map.of(
                "unsubscribe_url",
                url,
                "list_unsubscribe",
                DSL.inline("<").concat(url).concat(DSL.inline(">")));
        List<SelectField<?>> fields = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (String c : columns) {
            Field<?> column = Objects.requireNonNull(
                    COLUMNS.containsKey(c) ? COLUMNS.get(c) : links.get(c), "export columns are checked first");
            if (column.getType() == String.class && !TIMES.contains(c)) {
                fields.add(neutralised(column.coerce(String.class)).as(c));
                text.add(DSL.quotedName(c).toString());
            } else {
                fields.add(column.as(c));
            }
        }
        String select = db.renderInlined(db.select(fields)
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(ContactFilters.of(accountId, query))
                .orderBy(CONTACT.CONTACT_ID));
        copyOut(
                "COPY (" + select + ") TO STDOUT (FORMAT csv, HEADER"
                        + (text.isEmpty() ? "" : ", FORCE_QUOTE (" + String.join(", ", text) + ")") + ")",
                out);
    }

    /**
     * Runs the COPY with nested loops off. An export reads every row it selects, so hash and merge
     * joins are always right for it, and with a nested loop the cost depends on the statistics: an
     * account grown by 120,000 contacts since the last ANALYZE is estimated at one row, the planner
     * then scans all of the account's consent rows once per contact, and the export that takes a
     * second took hours (seen in TransferLimitsIntegrationTest). SET LOCAL ends with the transaction.
     */
    private void copyOut(String copy, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_nestloop = off");
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Copying a page of an export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
     * carriage return) gets a leading single quote, as OWASP advises against CSV injection; every
     * text cell is quoted too (FORCE_QUOTE). Done in the COPY's select, so the export keeps COPY's speed.
     */
    private static Field<String> neutralised(Field<String> text) {
        return DSL.when(DSL.left(text, 1).in(FORMULA_STARTS), DSL.inline("'").concat(text))
                .otherwise(text);
    }

    /** Every column a file may have: the default ones, then those asked for by name. */
    static Set<String> columnNames() {
        Set<String> all = new java.util.LinkedHashSet<>(COLUMNS.keySet());
        all.addAll(LINK_COLUMNS);
        return all;
    }

    private static Map<String, Field<?>> columns() {
        Map<String, Field<?>> c = new LinkedHashMap<>();
        c.put("contact_id", CONTACT.CONTACT_ID);
        c.put("email_address", CONTACT.EMAIL_ADDRESS);
        c.put("first_name", CONTACT.FIRST_NAME);
        c.put("last_name", CONTACT.LAST_NAME);
        c.put("job_title", CONTACT.JOB_TITLE);
        c.put("company_name", CONTACT.COMPANY_NAME);
        c.put("birthday_month", CONTACT.BIRTHDAY_MONTH);
        c.put("birthday_day", CONTACT.BIRTHDAY_DAY);
        c.put("anniversary", CONTACT.ANNIVERSARY);
        c.put("email_permission_status", EMAIL_CONSENT.PERMISSION_TO_SEND);
        c.put("email_optin_source", EMAIL_CONSENT.OPT_IN_SOURCE);
        c.put("email_optin_date", iso(EMAIL_CONSENT.OPT_IN_DATE));
        c.put("email_optout_source", EMAIL_CONSENT.OPT_OUT_SOURCE);
        c.put("email_optout_date", iso(EMAIL_CONSENT.OPT_OUT_DATE));
        c.put("email_optout_reason", EMAIL_CONSENT.OPT_OUT_REASON);
        c.put("email_delivery_status", EMAIL_CONSENT.DELIVERY_STATUS);
        c.put("email_bounced_at", iso(EMAIL_CONSENT.BOUNCED_AT));
        c.put("email_bounce_reason", EMAIL_CONSENT.BOUNCE_REASON);
        c.put("created_at", iso(CONTACT.CREATED_AT));
        c.put("updated_at", iso(CONTACT.UPDATED_AT));
        return c;
    }

    /** Times as the API writes them: ISO 8601 in UTC. */
    private static Field<String> iso(Field<?> time) {
        return DSL.field(
                "to_char({0} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')", SQLDataType.VARCHAR, time);
    }
}
