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
    }

    @Test
    void everyWindowGivesTheSamePagesAsOnePlainOrderedQuery() {
        ContactSearchRepository everything = new ContactSearchRepository(db, 1_000);
        assertThat(ids(everything, "ann", null, null, 51))
                .as("prefixes and substrings of names, two early and two late")
                .containsExactlyInAnyOrder(contacts.get(0), contacts.get(1), contacts.get(8), contacts.get(10));
        assertThat(ids(everything, "zed", null, null, 51)).containsExactly(contacts.get(11));
        assertThat(ids(everything, "p9@window.example", null, null, 51))
                .as("an exact address finds the deleted contact")
                .containsExactly(contacts.get(9));

        List<String> terms = List.of("", "ann", "zed", "middle", "late", "p1", "p9@window.example", "nobody");
        List<@Nullable String> lists = new ArrayList<>();
        lists.add(null);
        lists.add(list);
        List<@Nullable UUID> cursors = new ArrayList<>();
        cursors.add(null);
        cursors.addAll(contacts);
        int[] windows = {1, 2, 3, 5, 8, PEOPLE.length, PEOPLE.length + 1};
        int compared = 0;
        for (String term : terms) {
            for (String inList : lists) {
                for (UUID after : cursors) {
                    for (int limit : new int[] {1, 3, 51}) {
                        List<UUID> expected = ids(everything, term, inList, after, limit);
                        for (int window : windows) {
                            assertThat(ids(new ContactSearchRepository(db, window), term, inList, after, limit))
                                    .as(
                                            "window %d, q=%s, list %s, after %s, limit %d",
                                            window, term, inList, after, limit)
                                    .isEqualTo(expected);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(8 * 2 * 13 * 3 * 7);
    }

    @Test
    void aWindowOfOneStillPagesThroughEveryMatchOnceInOrder() {
        ContactSearchRepository narrow = new ContactSearchRepository(db, 1);
        List<UUID> seen = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<UUID> page = ids(narrow, "", null, after, 2);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }
        List<UUID> active = new ArrayList<>(contacts);
        active.remove(9);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(active).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(ids(new ContactSearchRepository(db, 1_000), "", null, null, 51));
    }

    private List<UUID> ids(
            ContactSearchRepository repository, String term, @Nullable String inList, @Nullable UUID after, int limit) {
        ContactSearchQuery query = new ContactSearchQuery(
                term, Set.of(), inList == null ? null : UUID.fromString(inList), null, after, limit);
        return repository.search(account, SearchText.parse(term), query, limit).stream()
                .map(ContactHit::contactId)
                .toList();
    }
}
