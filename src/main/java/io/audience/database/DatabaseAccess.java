package io.audience.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Who may connect to the embedded PostgreSQL: nobody without a password (scram-sha-256, local and
 * loopback alike, no replication); the service as a role that owns the schema and is not a
 * superuser. A data folder of an earlier release (everyone trusted, everything the superuser's)
 * is brought to this at its first start.
 */
final class DatabaseAccess {

    private static final String MARKER = "# Written by Audience at every start";
    private static final List<String> HBA = List.of(
            MARKER + ": every connection needs a password.",
            "local all all scram-sha-256",
            "host  all all 127.0.0.1/32 scram-sha-256",
            "host  all all ::1/128 scram-sha-256");

    private DatabaseAccess() {}

    /** Whether the folder already demands passwords (else it trusts everyone: an earlier release's). */
    static boolean demandsPasswords(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARKER);
    }

    static void writeHba(Path pgData) throws IOException {
        Files.write(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    }

    /**
     * Sets both passwords, makes the service's role and gives it the schema and everything in it;
     * idempotent, so it runs at every start. Passwords go to the server as SCRAM verifiers computed
     * here, never in clear.
     */
    static void secure(Connection superuser, PostgresCredentials credentials) throws SQLException {
        PGConnection pg = superuser.unwrap(PGConnection.class);
        try (Statement sql = superuser.createStatement()) {
            boolean exists;
            try (ResultSet role = sql.executeQuery(
                    "select 1 from pg_roles where rolname = '" + PostgresCredentials.SERVICE_ROLE + "'")) {
                exists = role.next();
            }
            if (!exists) {
                sql.execute("create role " + PostgresCredentials.SERVICE_ROLE
                        + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            }
            pg.alterUserPassword(
                    PostgresCredentials.SERVICE_ROLE,
                    credentials.servicePassword().toCharArray(),
                    "scram-sha-256");
            pg.alterUserPassword(
                    PostgresCredentials.SUPERUSER,
                    credentials.superuserPassword().toCharArray(),
                    "scram-sha-256");
            sql.execute("alter schema public owner to " + PostgresCredentials.SERVICE_ROLE);
            // The contact search's trigram indexes (V16) need pg_trgm, which only the database's
            // owner may create; the service's role owns the schema, not the database.
            sql.execute("create extension if not exists pg_trgm with schema public");
            // Tables, their sequences and indexes made by an earlier release as the superuser.
            sql.execute("""
                    do $$
                    declare object record;
                    begin
                      for object in
                        select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v', 'm')
                          and pg_get_userbyid(c.relowner) <> '%1$s'
                          -- a sequence of a serial or identity column goes with its table
                          and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                                   where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                     and d.deptype in ('a', 'i')))
                      loop
                        execute format('alter %%s public.%%I owner to %1$s',
                          case object.relkind when 'S' then 'sequence' when 'v' then 'view'
                                              when 'm' then 'materialized view' else 'table' end,
                          object.relname);
                      end loop;
                    end $$""".formatted(PostgresCredentials.SERVICE_ROLE));
        }
    }

    /** Fails unless a connection without a password is refused, for the superuser and the service alike. */
    static void verifyPasswordsRequired(int port) {
        for (String user : List.of(PostgresCredentials.SUPERUSER, PostgresCredentials.SERVICE_ROLE)) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            noPassword.setProperty("connectTimeout", "10");
            boolean opened;
            try (Connection connection =
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", noPassword)) {
                opened = connection.isValid(10);
            } catch (SQLException refused) {
                opened = false;
            }
            if (opened) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL lets " + user + " in without a password;" + " refusing to run on it");
            }
        }
    }
}
