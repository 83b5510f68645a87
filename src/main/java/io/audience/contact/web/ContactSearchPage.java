package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.consent.DeliveryStatus;
import io.audience.contact.ContactHit;
import io.audience.contact.ContactQuery;
import io.audience.contact.ContactSearch;
import io.audience.contact.ContactSearchQuery;
import io.audience.web.Frame;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's contacts: one search box with state, list and tag filters. The whole page
 * answers a plain GET (the form works without JavaScript); htmx, asking for {@code #results}
 * while the person types, gets only the results.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class ContactSearchPage {

    static final String PATH = "/console/contacts";
    private static final String CURSOR = "console-contacts";
    private static final int PAGE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
    private static final List<ContactSearchView.Option> STATES = List.of(
            new ContactSearchView.Option("", "Not deleted"),
            new ContactSearchView.Option("all", "Any state"),
            new ContactSearchView.Option("active", "Active"),
            new ContactSearchView.Option("deleted", "Deleted"),
            new ContactSearchView.Option("unsubscribed", "Unsubscribed"),
            new ContactSearchView.Option("pending_confirmation", "Pending confirmation"),
            new ContactSearchView.Option("bounced", "Bounced"));

    private final ContactSearch search;

    ContactSearchPage(ContactSearch search) {
        this.search = search;
    }

    @GetMapping(PATH)
    String search(
            Frame frame,
            Caller caller,
            Model model,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String list,
            @RequestParam(defaultValue = "") String tag,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Target", required = false) @Nullable String target,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore) {
        ContactSearchQuery query = new ContactSearchQuery(
                q,
                ContactQuery.statuses(state),
                list.isBlank() ? null : Limits.uuid("list", list.strip()),
                tag.isBlank() ? null : Limits.uuid("tag", tag.strip()),
                after == null || after.isBlank()
                        ? null
                        : Cursor.decode(CURSOR, after).after(),
                PAGE);
        ContactSearch.Results results = search.search(caller.accountId(), query);
        boolean fragment = "results".equals(target) && restore == null;
        ContactSearch.Choices choices =
                fragment ? new ContactSearch.Choices(List.of(), List.of()) : search.choices(caller.accountId());
        model.addAttribute(
                "view",
                new ContactSearchView(
                        q,
                        state,
                        list,
                        tag,
                        STATES,
                        options(choices.lists()),
                        options(choices.tags()),
                        results.contacts().stream().map(ContactSearchPage::row).toList(),
                        results.exactAddress(),
                        query.after() == null,
                        results.nextAfter() == null ? null : next(q, state, list, tag, results.nextAfter())));
        return fragment ? "contact/results" : "contact/search";
    }

    private static List<ContactSearchView.Option> options(List<ContactSearch.Choice> choices) {
        List<ContactSearchView.Option> options = new ArrayList<>();
        for (ContactSearch.Choice choice : choices) {
            options.add(new ContactSearchView.Option(choice.id().toString(), choice.name()));
        }
        return options;
    }

    private static ContactSearchView.Row row(ContactHit hit) {
        String name = String.join(" ", nonBlank(hit.firstName(), hit.lastName()));
        String permission = hit.permission() == null ? "" : hit.permission().wire();
        return new ContactSearchView.Row(
                PATH + "/" + hit.contactId(),
                name.isEmpty() ? "(no name)" : name,
                hit.emailAddress() == null ? "(no address)" : hit.emailAddress(),
                hit.deletedAt() != null,
                hit.deletedAt() == null ? null : day(hit.deletedAt()),
                day(hit.updatedAt()),
                permission,
                permission.replace('_', ' '),
                hit.delivery() == null || hit.delivery() == DeliveryStatus.DELIVERABLE
                        ? ""
                        : hit.delivery().wire(),
                hit.delivery() == null ? "" : hit.delivery().wire().replace('_', ' '));
    }

    private static List<String> nonBlank(@Nullable String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return kept;
    }

    private static String day(OffsetDateTime at) {
        return DAY.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The same search from after the last contact shown; values form-encoded, so "a+b" stays "a+b". */
    private static String next(String q, String state, String list, String tag, UUID after) {
        StringJoiner query = new StringJoiner("&", PATH + "?", "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("state", state);
        params.put("list", list);
        params.put("tag", tag);
        params.forEach((name, value) -> {
            if (!value.isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.add("after=" + new Cursor(CURSOR, after).encode()).toString();
    }
}
