package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class DashboardBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void chartDrawsThreeSeriesAndARunningImportsProgressMovesWithoutAReload() throws Exception {
        NamedAccount account = signedInAccount("account_owner");
        Api api = account.api();
        pastMonths(account);
        for (int i = 0; i < 6; i++) {
            createContact(api, uniqueEmail("shown"));
        }
        String gone = createContact(api, uniqueEmail("gone")).get("contact_id").asString();
        api.delete("/v3/contacts/" + gone);
        String out = uniqueEmail("out");
        String outId = createContact(api, out).get("contact_id").asString();
        api.put("/v3/contacts/" + outId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(out)));
        String importId = startImport(api, createList(api, "Imported"), 20_000);

        // A desktop window, so that the screenshot shows the whole dashboard.
        browser.manage().window().setSize(new Dimension(1280, 2200));
        open("/console/dashboard");
        WebElement chart = await(ExpectedConditions.presenceOfElementLocated(By.id("daily-chart")));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        List<WebElement> series = chart.findElements(By.cssSelector("polyline.series"));
        assertThat(series)
                .extracting(s -> s.getAttribute("data-series"))
                .containsExactly("Sign-ups", "Opt-outs", "Deletions");
        assertThat(series)
                .allSatisfy(s -> assertThat(s.getAttribute("points").split(" ")).hasSize(90));
        By bar = By.cssSelector("#activity-" + importId + " progress");
        WebElement progress = await(ExpectedConditions.presenceOfElementLocated(bar));
        String first = progress.getAttribute("value");
        assertThat(browser.findElement(By.cssSelector("#activity-" + importId + " a"))
                        .getAttribute("href"))
                .endsWith("/console/imports/" + importId);
        shot("console-dashboard");
        assertAccessible();

        // The polled fragment replaces the bar: either it shows more rows done, or the import ended.
        await(driver -> {
            List<WebElement> now = driver.findElements(bar);
            return now.isEmpty() || !first.equals(now.get(0).getAttribute("value"));
        });
        assertThat(browser.findElement(By.id("daily-chart")).isDisplayed()).isTrue();
        shot("console-dashboard-progress");
    }

    /**
     * Three months of history, so that the chart has a shape: contacts created more and more often
     * over 90 days, some deleted since, and 25 opt-outs made through the API and then dated back
     * (newest event, latest date). The API cannot write the past, so SQL moves the times.
     */
    private void pastMonths(NamedAccount account) {
        UUID id = UUID.fromString(account.id());
        seedContacts(account.api(), "past", "history.example", 400);
        db.execute("""
                update contact set created_at = now() - power((abs(hashtext(email_key)) % 1000) / 1000.0, 2) * interval '89 days'
                where account_id = ? and email_key like 'past%'""", id);
        db.execute("""
                update contact set deleted_at = created_at + (now() - created_at) * ((abs(hashtext(email_key || 'd')) % 100) / 100.0)
                where account_id = ? and email_key like 'past%' and abs(hashtext(email_key)) % 7 = 0""", id);
        for (Record r : db.fetch(
                "select contact_id, email_address from contact where account_id = ? and email_key like 'past%'"
                        + " and deleted_at is null order by email_key limit 25",
                id)) {
            Api.Response out = account.api().put("/v3/contacts/" + r.get(0), Api.json("""
                            {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"},
                             "update_source": "Contact"}""".formatted(r.get(1))));
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
        }
        db.execute("""
                update consent_event e set occurred_at = now() - r.n * interval '3 days' - interval '1 hour'
                from (select event_id, row_number() over (order by event_id desc) n from consent_event
                      where account_id = ? and to_permission = 'unsubscribed' and email_key like 'past%') r
                where e.account_id = ? and e.event_id = r.event_id""", id, id);
    }

    private static String startImport(Api api, String list, int rows) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("{\"email\": \"bulk")
                    .append(i)
                    .append("@import.example\"}");
        }
        Api.Response accepted = api.post(
                "/v3/activities/contacts_json_import",
                "{\"import_data\": [" + data + "], \"list_ids\": [\"" + list + "\"]}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return accepted.json().get("activity_id").asString();
    }
}
