package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schema stays distributable on Citus by {@code account_id} (issue 18, docs/scaling.md): every
 * table is a tenant table or a declared reference table, and every key of a tenant table holds the
 * account, so each tenant's rows, and every join and constraint among them, stay on one shard.
 */
class DistributableSchemaIntegrationTest extends IntegrationTest {

    private static final String TABLES = """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind in ('r', 'p')""";

    @Test
    void everyTableIsATenantTableWithItsAccountOrADeclaredReferenceTable() {
        Set<String> tables = new TreeSet<>(db.fetch(TABLES).getValues(0, String.class));
        Set<String> tenant = new TreeSet<>(tables);
        tenant.removeAll(TenantFilter.REFERENCE_TABLES.keySet());
        assertThat(TenantFilter.REFERENCE_TABLES.keySet())
                .as("reference tables that exist")
                .isSubsetOf(tables);
        assertThat(tenant)
                .as("the tenant tables are those the statement check knows")
                .isEqualTo(TenantFilter.TENANT_TABLES);
        List<String> withoutAccount =
                db.fetch("""
                select t.relname from pg_class t join pg_namespace n on n.oid = t.relnamespace
                 where n.nspname = current_schema() and t.relkind in ('r', 'p') and t.relname = any(?)
                   and not exists (select 1 from pg_attribute a where a.attrelid = t.oid
                                    and a.attname = 'account_id' and a.attnotnull)""", (Object) tenant.toArray(String[]::new)).getValues(0, String.class);
        assertThat(withoutAccount)
                .as("tenant tables without a non-null account_id (a global table is declared in"
                        + " TenantFilter.REFERENCE_TABLES, with why)")
                .isEmpty();
    }

    @Test
    void everyPrimaryKeyAndUniqueIndexOfATenantTableHoldsTheAccount() {
        List<String> keys = db.fetch("""
                select t.relname || ': ' || pg_get_indexdef(i.indexrelid)
                  from pg_index i join pg_class t on t.oid = i.indrelid
                 where t.relname = any(?) and i.indisunique
                   and not exists (select 1 from pg_attribute a where a.attrelid = t.oid
                                    and a.attname = 'account_id' and a.attnum = any(i.indkey))
                 order by 1""", (Object) TenantFilter.TENANT_TABLES.toArray(String[]::new))
                .getValues(0, String.class);
        assertThat(keys).as("unique keys of tenant tables without account_id").isEmpty();
        List<String> withoutKey = db.fetch("""
                select t.relname from pg_class t
                 where t.relname = any(?) and t.relnamespace = current_schema()::regnamespace
                   and not exists (select 1 from pg_index i where i.indrelid = t.oid and i.indisprimary)""", (Object) TenantFilter.TENANT_TABLES.toArray(String[]::new))
                .getValues(0, String.class);
        assertThat(withoutKey).as("tenant tables without a primary key").isEmpty();
    }

    @Test
    void foreignKeysAmongTenantTablesMatchTheAccountAndNoReferenceTablePointsIntoATenantTable() {
        List<String> keys = db.fetch(
                        """
                select src.relname || ' -> ' || dst.relname || ': ' || pg_get_constraintdef(k.oid)
                  from pg_constraint k
                  join pg_class src on src.oid = k.conrelid
                  join pg_class dst on dst.oid = k.confrelid
                 where k.contype = 'f' and src.relnamespace = current_schema()::regnamespace
                   and (src.relname = any(?) and dst.relname = any(?)
                        and not exists (select 1 from unnest(k.conkey, k.confkey) as p(s, d)
                                         join pg_attribute sa on sa.attrelid = k.conrelid and sa.attnum = p.s
                                         join pg_attribute da on da.attrelid = k.confrelid and da.attnum = p.d
                                        where sa.attname = 'account_id' and da.attname = 'account_id')
                        or not src.relname = any(?) and dst.relname = any(?))
                 order by 1""",
                        TenantFilter.TENANT_TABLES.toArray(String[]::new),
                        TenantFilter.TENANT_TABLES.toArray(String[]::new),
                        TenantFilter.TENANT_TABLES.toArray(String[]::new),
                        TenantFilter.TENANT_TABLES.toArray(String[]::new))
                .getValues(0, String.class);
        assertThat(keys)
                .as("foreign keys between tenant tables must match account_id to account_id; a reference"
                        + " table cannot point into a tenant table")
                .isEmpty();
    }
}
