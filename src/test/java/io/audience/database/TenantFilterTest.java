package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantFilterTest {

    @Test
    void aStatementThatComparesTheAccountOfItsTenantTableIsFilteredAsJooqOrAHandWrittenQueryRendersIt() {
        assertThat(TenantFilter.unfiltered("select \"contact\".\"contact_id\" from \"contact\" where"
                        + " (\"contact\".\"account_id\" = cast(? as uuid) and \"contact\".\"email_key\" = ?)"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("select 1 from webhook where account_id = {0} and enabled"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("update email_consent e set delivery_status = ? from r"
                        + " where e.account_id = ? and e.email_key = any(?)"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("delete from contact_tag where account_id in (?, ?)"))
                .isEmpty();
    }

    @Test
    void aStatementWithoutTheAccountOfATenantTableIsNamedWithItsAlias() {
        assertThat(TenantFilter.unfiltered("select count(*) from contact")).containsExactly("contact");
        assertThat(TenantFilter.unfiltered("select account_id from webhook_batch group by account_id"))
                .as("account_id in the select list filters nothing")
                .containsExactly("webhook_batch");
        assertThat(TenantFilter.unfiltered("select * from contact where note = 'account_id = 1'"))
                .as("nor in a string literal")
                .containsExactly("contact");
    }

    @Test
    void everyTenantTableOfAJoinNeedsItsOwnAccountComparedSoTheJoinStaysOnOneShard() {
        assertThat(TenantFilter.unfiltered("select c.contact_id from contact c join list_membership m"
                        + " on m.contact_id = c.contact_id where c.account_id = ?"))
                .containsExactly("list_membership m");
        assertThat(TenantFilter.unfiltered("select c.contact_id from contact as c join list_membership m"
                        + " on m.account_id = c.account_id and m.contact_id = c.contact_id where c.account_id = ?"))
                .isEmpty();
    }

    @Test
    void anInsertNamesTheAccountOfEachRowInItsColumnsAndItsSelectIsCheckedToo() {
        assertThat(TenantFilter.unfiltered("insert into contact (account_id, contact_id) values (?, ?)"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("insert into contact (contact_id) values (?)"))
                .containsExactly("contact");
        assertThat(TenantFilter.unfiltered("insert into consent_event (account_id, event_id) select ?, e.event_id"
                        + " from email_consent e where e.email_key = ?"))
                .containsExactly("email_consent e");
    }

    @Test
    void aJoinOnTheAccountAloneNamesNoAccountAndAClaimOfDueWorkOfEveryAccountIsSeen() {
        assertThat(TenantFilter.unfiltered("select d.delivery_id from webhook_delivery d join webhook w"
                        + " on w.account_id = d.account_id and w.webhook_id = d.webhook_id where d.status = 'pending'"))
                .containsExactly("webhook_delivery d", "webhook w");
        assertThat(TenantFilter.unfiltered("update outbox_mail set claimed_by = ? where (outbox_mail.account_id,"
                        + " outbox_mail.mail_id) in (select outbox_mail.account_id, outbox_mail.mail_id from outbox_mail"
                        + " where outbox_mail.status = ? for update skip locked)"))
                .containsExactly("outbox_mail", "outbox_mail");
        assertThat(TenantFilter.unfiltered("select 1 from contact c where c.account_id = any(?)"))
                .isEmpty();
    }

    @Test
    void aRowValueLeadingWithTheAccountIsAComparisonButTheSubqueryItComparesWithIsCheckedOnItsOwn() {
        assertThat(TenantFilter.unfiltered("delete from import_row where (import_row.account_id,"
                        + " import_row.activity_id) in ((?, ?), (?, ?))"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("delete from import_row where (import_row.account_id,"
                        + " import_row.activity_id) in (select activity.account_id, activity.activity_id"
                        + " from activity where activity.state = 'completed')"))
                .containsExactly("import_row", "activity");
    }

    @Test
    void referenceTablesFunctionsAndCommonTableExpressionsAreNotTenantTables() {
        assertThat(TenantFilter.unfiltered("select account_id from api_token where token_hash = ?"))
                .isEmpty();
        assertThat(TenantFilter.unfiltered("with r as (select 1 as n) select n from r, generate_series(1, 3)"))
                .isEmpty();
        assertThat(TenantFilter.TENANT_TABLES)
                .contains("contact", "email_consent", "webhook_delivery", "suppression_row")
                .doesNotContain("account", "api_token", "installation_secret");
    }
}
