package io.audience.list;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ListService {

    private final ListRepository lists;
    private final ActivityLog activities;

    ListService(ListRepository lists, ActivityLog activities) {
        this.lists = lists;
        this.activities = activities;
    }

    public record ListPage(List<ContactListView> lists, @Nullable Integer count, @Nullable UUID nextAfter) {}

    @Transactional
    public ContactListView create(UUID accountId, ListInput input) {
        String name = input.validName();
        UUID listId = Ids.next();
        OffsetDateTime now = now();
        boolean favorite = Boolean.TRUE.equals(input.favorite());
        if (!lists.insert(accountId, listId, name, input.validDescription(), favorite, now)) {
            throw nameTaken(accountId, name);
        }
        return lists.find(accountId, listId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ContactListView get(UUID accountId, UUID listId, ListQuery.@Nullable MembershipCount count) {
        ContactListView list = lists.find(accountId, listId).orElseThrow(() -> notFound(listId));
        return count == null ? list : withCounts(accountId, List.of(list), count).get(0);
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
        lists.update(accountId, listId, name, description, favorite, now());
        return lists.find(accountId, listId).orElseThrow();
    }

    /** Deletes the list and its memberships at once; answered as a completed activity, as the vendor does. */
    @Transactional
    public ActivityView delete(UUID accountId, UUID listId) {
        lists.lockLive(accountId, listId).orElseThrow(() -> notFound(listId));
        OffsetDateTime now = now();
        lists.markDeleted(accountId, listId, now);
        return activities.completed(accountId, "list_delete", now);
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

    private List<ContactListView> withCounts(UUID accountId, List<ContactListView> page, ListQuery.MembershipCount kind) {
        Map<UUID, Integer> counts = lists.membershipCounts(accountId,
                page.stream().map(ContactListView::listId).toList(), kind == ListQuery.MembershipCount.ACTIVE);
        return page.stream().map(l -> l.withMembershipCount(counts.getOrDefault(l.listId(), 0))).toList();
    }

    private Conflict nameTaken(UUID accountId, String name) {
        UUID existing = lists.findLiveByName(accountId, name).map(ContactListView::listId).orElse(null);
        return new Conflict("A list named \"" + name + "\" already exists: " + existing,
                existing == null ? Map.of() : Map.of("list_id", existing.toString()));
    }

    private static NotFound notFound(UUID listId) {
        return new NotFound("No list " + listId + " in this account");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
