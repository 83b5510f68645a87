package io.audience.database;

import io.audience.db.DefaultSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Table;

/**
 * Which tables Audience keeps per tenant, and whether a statement names the tenant of each: on
 * Citus (distributed PostgreSQL) every tenant table is distributed by {@code account_id}, and a
 * statement that does not say which account it touches goes to every shard, or cannot run (a
 * join of two tenant tables must match their {@code account_id}). Read from the SQL text as jOOQ
 * renders it or as a repository wrote it; a heuristic, kept strict where it can be: each tenant
 * table a statement reads or writes must have its {@code account_id} compared with a value, or
 * joined to the {@code account_id} of a table that has.
 */
final class TenantFilter {

    /**
     * The global tables, reference tables on Citus (a copy on every node): small, rarely written,
     * and read before any account is known. Every other table with {@code account_id} is a tenant table.
     */
    static final Map<String, String> REFERENCE_TABLES = Map.ofEntries(
            Map.entry("account", "the tenants themselves: looked up by id on every request, written when one is made"),
            Map.entry("account_user", "a person signs in to the console by address before any account is known"),
            Map.entry("api_token", "an API token is presented without its account; the token says which"),
            Map.entry("oauth_client", "an OAuth client id is presented without its account"),
            Map.entry("oauth2_registered_client", "Spring Authorization Server's clients, by client id"),
            Map.entry("oauth2_authorization", "Spring Authorization Server's authorizations, by token"),
            Map.entry("oauth2_authorization_consent", "Spring Authorization Server's consents, by client"),
            Map.entry("oauth_revoked_access_token", "revoked token ids, checked before the account is known"),
            Map.entry("oauth_signing_key", "the installation's signing keys"),
            Map.entry("oauth_used_refresh_token", "used refresh tokens, by hash"),
            Map.entry("installation_secret", "the installation's sealed keys"),
            Map.entry("form_challenge_spent", "proof-of-work challenges spent, by challenge, before a form is read"),
            Map.entry("event_publication", "Spring Modulith's event log (a local table of the coordinator)"),
            Map.entry("flyway_schema_history", "the migrations (a local table of the coordinator)"));

    /** The tables distributed by {@code account_id}: every table of the schema with that column but the reference ones. */
    static final Set<String> TENANT_TABLES = tenantTables();

    private static final Set<String> KEYWORDS = Set.of(
            "where",
            "set",
            "on",
            "join",
            "left",
            "right",
            "inner",
            "outer",
            "full",
            "cross",
            "natural",
            "order",
            "group",
            "limit",
            "offset",
            "values",
            "select",
            "returning",
            "using",
            "for",
            "union",
            "except",
            "intersect",
            "default",
            "having",
            "window",
            "lateral",
            "as",
            "and",
            "or",
            "when",
            "then",
            "fetch",
            "tablesample",
            "only",
            "do",
            "overriding");

    /** A table named where a statement reads or writes it, with the alias it may get. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(from|join|update|into|using|table)\\s+([a-z_][a-z0-9_]*)(?![a-z0-9_.(])(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");

    /** Not a value: another table's {@code account_id}, or a subquery. */
    private static final String NOT_A_VALUE =
            "(?!(?:[a-z_][a-z0-9_]*\\.)?account_id\\b)(?!\\(\\s*select\\b)(?!any\\s*\\(\\s*(?:array\\s*\\(\\s*)?select\\b)";

    /** {@code [alias.]account_id = value}, {@code in (values)} or {@code = any(values)}: the statement's account. */
    private static final Pattern ANCHOR =
            Pattern.compile("(?<![a-z0-9_.])(?:([a-z_][a-z0-9_]*)\\.)?account_id\\s*(?:=|\\bin\\b)\\s*+" + NOT_A_VALUE);

    /** {@code value = [alias.]account_id}. */
    private static final Pattern ANCHOR_RIGHT =
            Pattern.compile("(?:\\?|\\{\\d+}|\\$\\d+|\\))\\s*=\\s*(?:([a-z_][a-z0-9_]*)\\.)?account_id(?![a-z0-9_])");

    /** A row value that leads with {@code [alias.]account_id}, compared with values: {@code (a.account_id, a.id) in ((?, ?))}. */
    private static final Pattern ANCHOR_ROW = Pattern.compile(
            "\\(\\s*(?:([a-z_][a-z0-9_]*)\\.)?account_id\\s*,[^()]*\\)\\s*(?:=|\\bin\\b)\\s*+(?!\\(\\s*select\\b)");

    /** {@code a.account_id = b.account_id}: two tables of one account (a join that stays on one shard). */
    private static final Pattern LINK = Pattern.compile(
            "(?<![a-z0-9_.])(?:([a-z_][a-z0-9_]*)\\.)?account_id\\s*=\\s*(?:([a-z_][a-z0-9_]*)\\.)?account_id(?![a-z0-9_])");

    private TenantFilter() {}

    private static Set<String> tenantTables() {
        Set<String> tables = new TreeSet<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (table.field("account_id") != null && !REFERENCE_TABLES.containsKey(table.getName())) {
                tables.add(table.getName());
            }
        }
        return Set.copyOf(tables);
    }

    /**
     * The tenant tables the statement reads or writes without naming their account (as
     * {@code table} or {@code table alias}); empty when it names the account of each. A table
     * names it when its {@code account_id} is compared with a value, or equals the
     * {@code account_id} of a table that does (a join within one account).
     */
    static List<String> unfiltered(String sql) {
        String text = normalise(sql);
        Set<String> anchored = new HashSet<>();
        for (Pattern p : List.of(ANCHOR, ANCHOR_RIGHT, ANCHOR_ROW)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                anchored.add(m.group(1) == null ? "" : m.group(1));
            }
        }
        Map<String, Set<String>> links = new HashMap<>();
        Matcher l = LINK.matcher(text);
        while (l.find()) {
            String a = l.group(1) == null ? "" : l.group(1);
            String b = l.group(2) == null ? "" : l.group(2);
            links.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            links.computeIfAbsent(b, k -> new HashSet<>()).add(a);
        }
        Set<String> named = reach(anchored, links);
        List<String> missing = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String table = m.group(2);
            if (!TENANT_TABLES.contains(table)) {
                continue;
            }
            String alias = m.group(3) == null || KEYWORDS.contains(m.group(3)) ? table : m.group(3);
            boolean filtered = named.contains(alias) || named.contains("");
            if (m.group(1).equals("into")) {
                filtered = insertsAccount(text, m.end());
            }
            if (!filtered) {
                missing.add(alias.equals(table) ? table : table + " " + alias);
            }
        }
        return missing;
    }

    /** The aliases whose account is named: the anchored ones and those joined to them on account_id. */
    private static Set<String> reach(Set<String> anchored, Map<String, Set<String>> links) {
        Set<String> named = new HashSet<>(anchored);
        ArrayDeque<String> todo = new ArrayDeque<>(anchored);
        while (!todo.isEmpty()) {
            for (String next : links.getOrDefault(todo.pop(), Set.of())) {
                if (named.add(next)) {
                    todo.push(next);
                }
            }
        }
        return named;
    }

    /** An insert names the account of each row: its column list leads with or holds {@code account_id}. */
    private static boolean insertsAccount(String text, int afterTable) {
        int open = text.indexOf('(', afterTable);
        int close = open < 0 ? -1 : text.indexOf(')', open);
        return open >= 0
                && text.substring(afterTable, open).isBlank()
                && text.substring(open, close).matches("(?s).*\\baccount_id\\b.*");
    }

    /** Lower case, without quotes, comments, string literals or a schema name. */
    static String normalise(String sql) {
        return sql.toLowerCase(Locale.ROOT)
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", "''")
                .replace("\"", "")
                .replaceAll("\\bpublic\\.", "")
                .replaceAll("\\s+", " ");
    }
}
