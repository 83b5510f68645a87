package io.audience.tag.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Cursor;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.tag.TagService;
import io.audience.tag.TagView;
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
 * The console's tags with how many contacts carry each. The privileges are the API's tag
 * endpoints' (tags are contact data: seeing them needs contacts:read, changing them
 * contacts:write), and the tag service decides and explains, as it does for the API.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class TagsConsole {

    private static final String COLLECTION = "contact_tags";
    private static final int PAGE_SIZE = 100;

    private final TagService tags;

    TagsConsole(TagService tags) {
        this.tags = tags;
    }

    @GetMapping("/console/tags")
    String index(Caller caller, Frame frame, Model model, @RequestParam(required = false) @Nullable String cursor) {
        TagService.TagPage page = tags.page(
                caller.accountId(),
                cursor == null ? null : Cursor.decode(COLLECTION, cursor).after(),
                PAGE_SIZE,
                true);
        model.addAttribute("tags", page.tags());
        model.addAttribute("next", page.nextAfter() == null ? null : new Cursor(COLLECTION, page.nextAfter()).encode());
        return "tag/index";
    }

    @PostMapping("/console/tags")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String create(Caller caller, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        TagView created = tags.create(caller.accountId(), name, null);
        flash.addFlashAttribute("notice", "The tag \"" + created.name() + "\" was created.");
        return "redirect:/console/tags";
    }

    @PostMapping("/console/tags/{tagId}")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String rename(
            Caller caller,
            @PathVariable String tagId,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        TagView renamed = tags.rename(caller.accountId(), id(tagId), name);
        flash.addFlashAttribute("notice", "The tag is now named \"" + renamed.name() + "\".");
        return "redirect:/console/tags";
    }

    /** The confirm step: how many contacts lose the tag. */
    @GetMapping("/console/tags/{tagId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String confirmDelete(Caller caller, Frame frame, Model model, @PathVariable String tagId) {
        model.addAttribute("tag", tags.get(caller.accountId(), id(tagId), true));
        return "tag/delete";
    }

    @PostMapping("/console/tags/{tagId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String delete(Caller caller, @PathVariable String tagId, RedirectAttributes flash) {
        UUID id = id(tagId);
        String name = tags.get(caller.accountId(), id, false).name();
        tags.delete(caller.accountId(), id);
        flash.addFlashAttribute(
                "notice", "The tag \"" + name + "\" was deleted and removed from its contacts; they stay.");
        return "redirect:/console/tags";
    }

    private static UUID id(String tagId) {
        return Limits.uuid("tag", tagId);
    }
}
