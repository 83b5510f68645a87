package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every index costs each write of its table and grows with it: two btree indexes on the same
 * columns (whatever their operator classes) are one too many. At 10M contacts the address had two,
 * 1.1 GB each, until V33.
 */
class NoTwoIndexesHoldTheSameKeysIntegrationTest extends IntegrationTest {

    @Test
    void noTableHasTwoBtreeIndexesOnTheSameColumnsExpressionsAndPredicate() {
        List<String> twins = db.fetch("""
                select t.relname || ': ' || string_agg(i.relname, ', ' order by i.relname)
                  from pg_index x
                  join pg_class i on i.oid = x.indexrelid
                  join pg_class t on t.oid = x.indrelid
                  join pg_am am on am.oid = i.relam
                 where t.relnamespace = current_schema()::regnamespace and am.amname = 'btree'
                 group by t.relname, x.indkey::text, coalesce(pg_get_expr(x.indexprs, x.indrelid), ''),
                          coalesce(pg_get_expr(x.indpred, x.indrelid), '')
                having count(*) > 1
                 order by 1""").getValues(0, String.class);
        assertThat(twins).as("tables with two indexes on the same keys").isEmpty();
    }

    @Test
    void theContactsAddressIsUniquePerAccountThroughTheIndexTheSearchUses() {
        List<String> definitions = db.fetch("""
                select pg_get_indexdef(x.indexrelid) from pg_index x
                 where x.indrelid = 'contact'::regclass and x.indisunique and not x.indisprimary""").getValues(0, String.class);
        assertThat(definitions)
                .containsExactly(
                        "CREATE UNIQUE INDEX contact_email_key_uq ON public.contact USING btree (account_id, email_key text_pattern_ops)");
    }
}
