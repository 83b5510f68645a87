package io.audience.list.web;

import io.audience.activity.ActivityView;
import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.list.ContactListView;
import io.audience.list.ListInput;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import io.audience.web.Frame;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's lists: the account's live lists with their member counts, for every role that may
 * see lists; creating, renaming and deleting them needs the privilege the API's list endpoints
 * need. The list service decides and explains, as it does for the API.
 */
@Controller
@ConsolePage(Privilege.LISTS_READ)
class ListsConsole {

    private static final String COLLECTION = "contact_lists";
    private static final int PAGE_SIZE = 100;

    private final ListService lists;

    ListsConsole(ListService lists) {
        this.lists = lists;
    }

    @GetMapping("/console/lists")
    String index(Caller caller, Frame frame, Model model, @RequestParam(required = false) @Nullable String cursor) {
        ListService.ListPage page = lists.page(
                caller.accountId(),
                new ListQuery(
                        PAGE_SIZE,
                        true,
                        ListQuery.MembershipCount.ALL,
                        null,
                        ListQuery.ListStatus.ACTIVE,
                        cursor == null ? null : Cursor.decode(COLLECTION, cursor)));
        model.addAttribute("lists", page.lists());
        model.addAttribute("total", page.count() == null ? page.lists().size() : page.count());
        model.addAttribute("next", page.nextAfter() == null ? null : new Cursor(COLLECTION, page.nextAfter()).encode());
        return "list/index";
    }

    @PostMapping("/console/lists")
    @ConsolePage(Privilege.LISTS_WRITE)
    String create(
            Caller caller,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean favorite,
            @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
            RedirectAttributes flash) {
        ContactListView created =
                lists.create(caller.accountId(), new ListInput(name, favorite, blankAsNull(description), isPublic));
        flash.addFlashAttribute("notice", "The list \"" + created.name() + "\" was created.");
        return "redirect:/console/lists";
    }

    @PostMapping("/console/lists/{listId}")
    @ConsolePage(Privilege.LISTS_WRITE)
    String update(
            Caller caller,
            @PathVariable String listId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean favorite,
            @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
            RedirectAttributes flash) {
        ContactListView updated = lists.update(
                caller.accountId(), id(listId), new ListInput(name, favorite, blankAsNull(description), isPublic));
        flash.addFlashAttribute("notice", "The list is now named \"" + updated.name() + "\".");
        return "redirect:/console/lists";
    }

    /** The confirm step: what deleting removes (the memberships) and what stays (the contacts). */
    @GetMapping("/console/lists/{listId}/delete")
    @ConsolePage(Privilege.LISTS_WRITE)
    String confirmDelete(Caller caller, Frame frame, Model model, @PathVariable String listId) {
        model.addAttribute("list", lists.get(caller.accountId(), id(listId), ListQuery.MembershipCount.ALL));
        return "list/delete";
    }

    @PostMapping("/console/lists/{listId}/delete")
    @ConsolePage(Privilege.LISTS_WRITE)
    String delete(Caller caller, @PathVariable String listId, RedirectAttributes flash) {
        UUID id = id(listId);
        String name = lists.get(caller.accountId(), id, null).name();
        ActivityView activity = lists.delete(caller.accountId(), id);
        flash.addFlashAttribute(
                "notice",
                "The list \"" + name + "\" was deleted with its memberships; its contacts stay. (Activity "
                        + activity.activityId() + ": " + activity.state() + ".)");
        return "redirect:/console/lists";
    }

    private static UUID id(String listId) {
        return Limits.uuid("list", listId);
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isBlank() ? null : value;
    }
}
