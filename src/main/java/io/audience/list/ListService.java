package io.audience.list;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.activity.ItemOutcome;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ListService {

    static final String DELETE = "list_delete";
    static final String ROW_ID = "list_id";

    private final ListRepository lists;
    private final ActivityLog activities;
    private final Clock clock;

    ListService(ListRepository lists, ActivityLog activities, Clock clock) {
        this.lists = lists;
        this.activities = activities;
        this.clock = clock;
    }

    public record ListPage(
            List<ContactListView> lists,
            @Nullable Integer count,
            @Nullable UUID nextAfter) {}

    @Transactional
    public ContactListView create(UUID accountId, ListInput input) {
        String name = input.validName();
        UUID listId = Ids.next();
        OffsetDateTime now = now();
        boolean favorite = Boolean.TRUE.equals(input.favorite());
        if (!lists.insert(
                accountId,
                listId,
                name,
                input.validDescription(),
                favorite,
                Boolean.TRUE.equals(input.isPublic()),
                now)) {
            throw nameTaken(accountId, name);
        }
        return lists.find(accountId, listId).orElseThrow();
    }

    /** The lists a subscriber sees on their preference page: live ones the account marked public. */
    @Transactional(readOnly = true)
    public List<ContactListView> publicLists(UUID accountId) {
        return lists.publicLists(accountId);
    }

    @Transactional(readOnly = true)
    public ContactListView get(UUID accountId, UUID listId, ListQuery.@Nullable MembershipCount count) {
        ContactListView list = lists.find(accountId, listId).orElseThrow(() -> notFound(listId));
        return count == null
                ? list
                : withCounts(accountId, List.of(list), count).get(0);
    }

    @Transactional
    public ContactListView update(UUID accountId, UUID listId, ListInput input) {
        String name = input.validName();
        String description = input.validDescription();
        ContactListView current = lists.lockLive(accountId, listId).orElseThrow(() -> notFound(listId));
        lists.findLiveByName(accountId, name)
                .filter(other -> !other.listId().equals(listId))
                .ifPresent(other -> {
                    throw nameTaken(accountId, name);
                });
        boolean favorite = input.favorite() != null ? input.favorite() : current.favorite();
        // Absent, "public" stays as it was: a client that does not know the extension must not hide a list.
        boolean isPublic = input.isPublic() != null ? input.isPublic() : current.isPublic();
        lists.update(accountId, listId, name, description, favorite, isPublic, now());
        return lists.find(accountId, listId).orElseThrow();
    }

    /** Deletes the list and its memberships at once; answered as a completed activity, as the vendor does. */
    @Transactional
    public ActivityView delete(UUID accountId, UUID listId) {
        OffsetDateTime now = now();
        if (!remove(accountId, listId, now)) {
            throw notFound(listId);
        }
        return activities.completed(accountId, DELETE, now);
    }

    /** Accepts the deletion of up to 100 lists, one activity row each, applied by the worker. */
    @Transactional
    public ActivityView deleteEach(UUID accountId, List<UUID> listIds) {
        if (listIds.isEmpty() || listIds.size() > 100) {
            throw new ValidationFailed("list_ids must name 1 to 100 lists, not " + listIds.size());
        }
        Set<UUID> distinct = new LinkedHashSet<>(listIds);
        return activities.acceptEach(accountId, DELETE, "{}", distinct.size(), ROW_ID, distinct, now());
    }

    /** One row of a bulk delete: a deleted list is skipped, a list not of the account fails the row alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    ItemOutcome deleteRow(UUID accountId, UUID listId) {
        return remove(accountId, listId, now())
                ? ItemOutcome.applied("list " + listId + " deleted")
                : ItemOutcome.skipped("list " + listId + " is already deleted");
    }

    /** Deletes a live list with its memberships; false when it is deleted already, 404 when the account has none. */
    private boolean remove(UUID accountId, UUID listId, OffsetDateTime now) {
        if (lists.lockLive(accountId, listId).isEmpty()) {
            if (lists.find(accountId, listId).isEmpty()) {
                throw notFound(listId);
            }
            return false;
        }
        lists.markDeleted(accountId, listId, now);
        return true;
    }

    @Transactional(readOnly = true)
    public ListPage page(UUID accountId, ListQuery query) {
        List<ContactListView> found = lists.page(accountId, query);
        boolean more = found.size() > query.limit();
        List<ContactListView> page = more ? found.subList(0, query.limit()) : found;
        if (query.membershipCount() != null && !page.isEmpty()) {
            page = withCounts(accountId, page, query.membershipCount());
        }
        Integer count = query.includeCount() ? lists.count(accountId, query) : null;
        return new ListPage(page, count, more ? page.get(page.size() - 1).listId() : null);
    }

    private List<ContactListView> withCounts(
            UUID accountId, List<ContactListView> page, ListQuery.MembershipCount kind) {
        Map<UUID, Integer> counts = lists.membershipCounts(
                accountId,
                page.stream().map(ContactListView::listId).toList(),
                kind == ListQuery.MembershipCount.ACTIVE);
        return page.stream()
                .map(l -> l.withMembershipCount(counts.getOrDefault(l.listId(), 0)))
                .toList();
    }

    private Conflict nameTaken(UUID accountId, String name) {
        UUID existing = lists.findLiveByName(accountId, name)
                .map(ContactListView::listId)
                .orElse(null);
        return new Conflict(
                "A list named \"" + name + "\" already exists: " + existing,
                existing == null ? Map.of() : Map.of("list_id", existing.toString()));
    }

    private static NotFound notFound(UUID listId) {
        return new NotFound("No list " + listId + " in this account");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
