package io.audience.tag;

import io.audience.activity.ActivityLog;
import io.audience.activity.ActivityView;
import io.audience.activity.ItemOutcome;
import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
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
public class TagService {

    static final String DELETE = "contacts_tags_delete";
    static final String ROW_ID = "tag_id";

    private final TagRepository tags;
    private final ActivityLog activities;
    private final Clock clock;

    TagService(TagRepository tags, ActivityLog activities, Clock clock) {
        this.tags = tags;
        this.activities = activities;
        this.clock = clock;
    }

    public record TagPage(List<TagView> tags, @Nullable UUID nextAfter) {}

    @Transactional
    public TagView create(UUID accountId, @Nullable String name, @Nullable String source) {
        String valid = name(name);
        String validSource = source == null ? null : Text.printable("tag_source", source.strip());
        if (validSource != null && validSource.length() > 255) {
            throw new ValidationFailed("tag_source must be at most 255 characters");
        }
        UUID tagId = Ids.next();
        if (!tags.insert(accountId, tagId, valid, validSource, now())) {
            throw nameTaken(accountId, valid);
        }
        return tags.find(accountId, tagId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public TagView get(UUID accountId, UUID tagId, boolean includeCount) {
        TagView tag = tags.find(accountId, tagId).orElseThrow(() -> notFound(tagId));
        return includeCount ? withCounts(accountId, List.of(tag)).get(0) : tag;
    }

    @Transactional
    public TagView rename(UUID accountId, UUID tagId, @Nullable String name) {
        String valid = name(name);
        if (tags.lock(accountId, tagId).isEmpty()) {
            throw notFound(tagId);
        }
        tags.findByName(accountId, valid)
                .filter(other -> !other.tagId().equals(tagId))
                .ifPresent(other -> {
                    throw nameTaken(accountId, valid);
                });
        tags.rename(accountId, tagId, valid, now());
        return tags.find(accountId, tagId).orElseThrow();
    }

    /** Removes the tag from every contact, then deletes it; answered as a completed activity. */
    @Transactional
    public ActivityView delete(UUID accountId, UUID tagId) {
        remove(accountId, tagId);
        return activities.completed(accountId, DELETE, now());
    }

    /** Accepts the deletion of up to 500 tags, one activity row each, applied by the worker. */
    @Transactional
    public ActivityView deleteEach(UUID accountId, List<UUID> tagIds) {
        if (tagIds.isEmpty() || tagIds.size() > 500) {
            throw new ValidationFailed("tag_ids must name 1 to 500 tags, not " + tagIds.size());
        }
        return activities.acceptEach(accountId, DELETE, "{}", 0, ROW_ID, new LinkedHashSet<>(tagIds), now());
    }

    /** One row of a bulk delete; a tag not of the account fails the row alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    ItemOutcome deleteRow(UUID accountId, UUID tagId) {
        remove(accountId, tagId);
        return ItemOutcome.applied("tag " + tagId + " deleted");
    }

    private void remove(UUID accountId, UUID tagId) {
        if (tags.lock(accountId, tagId).isEmpty()) {
            throw notFound(tagId);
        }
        tags.delete(accountId, tagId);
    }

    @Transactional(readOnly = true)
    public TagPage page(UUID accountId, @Nullable UUID after, int limit, boolean includeCount) {
        List<TagView> found = tags.page(accountId, after, limit + 1);
        boolean more = found.size() > limit;
        List<TagView> page = more ? found.subList(0, limit) : found;
        if (includeCount && !page.isEmpty()) {
            page = withCounts(accountId, page);
        }
        return new TagPage(page, more ? page.get(page.size() - 1).tagId() : null);
    }

    /** Makes the contact's tags exactly {@code tagIds}; a tag not of the account is a 404. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds, OffsetDateTime now) {
        tags.replaceTaggings(accountId, contactId, requireExisting(accountId, "taggings", tagIds), now);
    }

    /** Checks that every tag is one of the account's (404 naming {@code field} otherwise), and holds them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> requireExisting(UUID accountId, String field, Collection<UUID> tagIds) {
        Set<UUID> wanted = new LinkedHashSet<>(tagIds);
        if (!wanted.isEmpty()) {
            Set<UUID> existing = tags.existing(accountId, wanted);
            for (UUID tagId : wanted) {
                if (!existing.contains(tagId)) {
                    throw new NotFound("No tag " + tagId + " in this account (" + field + ")");
                }
            }
        }
        return wanted;
    }

    /** Adds those of the tags that still exist to the contact; one deleted meanwhile is left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds, OffsetDateTime now) {
        if (!tagIds.isEmpty()) {
            tags.addTaggings(accountId, contactId, tags.existing(accountId, tagIds), now);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removeTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds) {
        if (!tagIds.isEmpty()) {
            tags.removeTaggings(accountId, contactId, tagIds);
        }
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> taggingsOf(UUID accountId, Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? Map.of() : tags.taggingsOf(accountId, contactIds);
    }

    private List<TagView> withCounts(UUID accountId, List<TagView> page) {
        Map<UUID, Integer> counts =
                tags.contactCounts(accountId, page.stream().map(TagView::tagId).toList());
        return page.stream()
                .map(t -> t.withCount(counts.getOrDefault(t.tagId(), 0)))
                .toList();
    }

    private Conflict nameTaken(UUID accountId, String name) {
        UUID existing = tags.findByName(accountId, name).map(TagView::tagId).orElse(null);
        return new Conflict(
                "A tag named \"" + name + "\" already exists: " + existing,
                existing == null ? Map.of() : Map.of("tag_id", existing.toString()));
    }

    private static String name(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 255) {
            throw new ValidationFailed("name is required and must be 1 to 255 characters");
        }
        return Text.printable("name", trimmed);
    }

    private static NotFound notFound(UUID tagId) {
        return new NotFound("No tag " + tagId + " in this account");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
