package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search walks a window of contacts in id order and fetches the rest through the indexes only
 * when the window holds too few matches. Whatever the window, a page must be the first matches
 * after the cursor in id order: the window is moved across every edge of a dozen contacts here,
 * against a window that holds them all (one plain ordered query).
 */
class ContactSearchWindowIntegrationTest extends IntegrationTest {

    private static final String[][] PEOPLE = {
        {"Anna", "Early"}, {"Annie", "Early"}, {"Bob", "Middle"}, {"Carl", "Middle"}, {"Dan", "Middle"},
        {"Eve", "Middle"}, {"Fay", "Middle"}, {"Gus", "Middle"}, {"Hannah", "Late"}, {"Ivo", "Late"},
        {"Joanna", "Late"}, {"Zed", "Last"},
    };

    private UUID account;
    private String list;
    private final List<UUID> contacts = new ArrayList<>();

    @BeforeEach
    void aDozenContactsInOrder() {
        NamedAccount named = namedAccount("Window");
        account = UUID.fromString(named.id());
        Api api = named.api();
        list = createList(api, "Some");
        for (int i = 0; i < PEOPLE.length; i++) {
            String lists = i % 4 == 3 ? ", \"list_memberships\": [\"" + list + "\"]" : "";
            Api.Response created = api.post(
                    "/v3/contacts",
                    "{\"email_address\": {\"address\": \"p" + i + "@window.example\"}, \"first_name\": \""
                            + PEOPLE[i][0] + "\", \"last_name\": \"" + PEOPLE[i][1]
                            + "\", \"create_source\": \"Account\""
                            + lists + "}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            contacts.add(UUID.fromString(created.json().get("contact_id").asString()));
        }
        assertThat(api.delete("/v3/contacts/" + contacts.get(9)).status()).isEqualTo(204);
        db.execute(
                "update email_consent set permission_to_send = 'unsubscribed' where account_id = ?::uuid"
                        + " and email_key in ('p5@window.example', 'p11@window.example')",
                named.id());
    }

    /** A list, or states, to narrow by: the filters the console offers beside the box. */
    private record Filter(@Nullable String list, Set<ContactQuery.Status> statuses) {}

    @Test
    void everyWindowGivesTheSamePagesAsOnePlainOrderedQuery() {
        ContactSearchRepository everything = new ContactSearchRepository(db, 1_000);
        Filter none = new Filter(null, Set.of());
        assertThat(ids(everything, "ann", none, null, 51))
                .as("prefixes and substrings of names, two early and two late")
                .containsExactlyInAnyOrder(contacts.get(0), contacts.get(1), contacts.get(8), contacts.get(10));
        assertThat(ids(everything, "zed", none, null, 51)).containsExactly(contacts.get(11));
        assertThat(ids(everything, "", new Filter(null, Set.of(ContactQuery.Status.UNSUBSCRIBED)), null, 51))
                .containsExactly(contacts.get(5), contacts.get(11));
        assertThat(ids(everything, "p9@window.example", none, null, 51))
                .as("an exact address finds the deleted contact")
                .containsExactly(contacts.get(9));

        List<String> terms = List.of("", "ann", "zed", "middle", "late", "p1", "p9@window.example", "nobody");
        List<Filter> filters = List.of(
                none,
                new Filter(list, Set.of()),
                new Filter(null, Set.of(ContactQuery.Status.UNSUBSCRIBED)),
                new Filter(null, Set.of(ContactQuery.Status.DELETED, ContactQuery.Status.ACTIVE)));
        List<@Nullable UUID> cursors = new ArrayList<>();
        cursors.add(null);
        for (int i : new int[] {0, 2, 5, 8, 10}) {
            cursors.add(contacts.get(i)); // before, inside and after the matches of each term
        }
        int[] windows = {1, 2, 3, 5, 8, PEOPLE.length + 1};
        int compared = 0;
        for (String term : terms) {
            for (Filter filter : filters) {
                for (UUID after : cursors) {
                    for (int limit : new int[] {1, 3, 51}) {
                        List<UUID> expected = ids(everything, term, filter, after, limit);
                        for (int window : windows) {
                            assertThat(ids(new ContactSearchRepository(db, window), term, filter, after, limit))
                                    .as("window %d, q=%s, %s, after %s, limit %d", window, term, filter, after, limit)
                                    .isEqualTo(expected);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(8 * 4 * 6 * 3 * 6);
    }

    @Test
    void aWindowOfOneStillPagesThroughEveryMatchOnceInOrder() {
        ContactSearchRepository narrow = new ContactSearchRepository(db, 1);
        List<UUID> seen = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<UUID> page = ids(narrow, "", new Filter(null, Set.of()), after, 2);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }
        List<UUID> active = new ArrayList<>(contacts);
        active.remove(9);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(active).doesNotHaveDuplicates();
        assertThat(seen)
                .isEqualTo(ids(new ContactSearchRepository(db, 1_000), "", new Filter(null, Set.of()), null, 51));
    }

    private List<UUID> ids(
            ContactSearchRepository repository, String term, Filter filter, @Nullable UUID after, int limit) {
        ContactSearchQuery query = new ContactSearchQuery(
                term,
                filter.statuses(),
                filter.list() == null ? null : UUID.fromString(filter.list()),
                null,
                after,
                limit);
        return repository.search(account, SearchText.parse(term), query, limit).stream()
                .map(ContactHit::contactId)
                .toList();
    }
}
