package io.audience.contact;

import io.audience.list.ContactListView;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import io.audience.tag.TagService;
import io.audience.tag.TagView;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The console's contact search: one box for addresses and names, filters, keyset pages. */
@Service
public class ContactSearch {

    /** More lists or tags than this do not fit a drop-down; a list's own page links to its members. */
    private static final int CHOICES = 500;

    private final ContactSearchRepository search;
    private final ListService lists;
    private final TagService tags;

    ContactSearch(ContactSearchRepository search, ListService lists, TagService tags) {
        this.search = search;
        this.lists = lists;
        this.tags = tags;
    }

    /** A page of contacts, and the id to continue after when there are more. */
    public record Results(
            List<ContactHit> contacts,
            boolean exactAddress,
            @Nullable UUID nextAfter) {}

    public record Choice(UUID id, String name) {}

    /** The account's lists and tags to filter by. */
    public record Choices(List<Choice> lists, List<Choice> tags) {}

    /**
     * Searches the account's contacts. A list or tag of another account (or none) is a 404, as
     * everywhere else, rather than an empty page that would look like a list without members.
     * Repeatable read: the search reads in up to four statements, which must see one state.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Results search(UUID accountId, ContactSearchQuery query) {
        if (query.list() != null) {
            lists.get(accountId, query.list(), null);
        }
        if (query.tag() != null) {
            tags.get(accountId, query.tag(), false);
        }
        SearchText text = SearchText.parse(query.text());
        List<ContactHit> found = search.search(accountId, text, query, query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<ContactHit> page = more ? found.subList(0, query.limit()) : found;
        return new Results(
                page, text.exactKey() != null, more ? page.get(page.size() - 1).contactId() : null);
    }

    @Transactional(readOnly = true)
    public Choices choices(UUID accountId) {
        List<Choice> listChoices = lists
                .page(accountId, new ListQuery(CHOICES, false, null, null, ListQuery.ListStatus.ACTIVE, null))
                .lists()
                .stream()
                .map((ContactListView l) -> new Choice(l.listId(), l.name()))
                .toList();
        List<Choice> tagChoices = tags.page(accountId, null, CHOICES, false).tags().stream()
                .map((TagView t) -> new Choice(t.tagId(), t.name()))
                .toList();
        return new Choices(listChoices, tagChoices);
    }
}
