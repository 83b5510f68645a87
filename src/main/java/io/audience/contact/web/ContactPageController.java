package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.api.Conflict;
import io.audience.api.ConsolePage;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactService;
import io.audience.contact.ContactView;
import io.audience.customfield.FieldValue;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's contact page and its edits: the profile, lists, tags and custom field values, each
 * written as the API's PUT writes them ({@link ContactService#update}), with the page's version as
 * If-Match so an edit never overwrites a change made since the page was shown.
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class ContactPageController {

    static final String NOTICE = "notice";

    private final ContactPageAssembler pages;
    private final ContactService contacts;

    ContactPageController(ContactPageAssembler pages, ContactService contacts) {
        this.pages = pages;
        this.contacts = contacts;
    }

    @GetMapping("/console/contacts/{contactId}")
    String page(Frame frame, Caller caller, @PathVariable String contactId, Model model) {
        model.addAttribute("page", pages.page(caller.accountId(), id(contactId)));
        return "contact/page";
    }

    @PostMapping("/console/contacts/{contactId}/profile")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String profile(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = id(contactId);
        live(pages.contact(caller.accountId(), id));
        write(caller, id, ContactPageForms.profile(form), version, request, "profile");
        return done(redirect, id, "Saved. The profile is up to date.");
    }

    @PostMapping("/console/contacts/{contactId}/lists")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String lists(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam long version,
            @RequestParam(name = "list", required = false) @Nullable List<String> lists,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = id(contactId);
        ContactView contact = live(pages.contact(caller.accountId(), id));
        List<UUID> chosen = ContactPageForms.ids("list_memberships", lists);
        write(caller, id, ContactPageForms.keeping(contact, chosen, null, null), version, request, "lists");
        return done(
                redirect,
                id,
                "Saved. The contact is on " + chosen.size() + (chosen.size() == 1 ? " list." : " lists."));
    }

    @PostMapping("/console/contacts/{contactId}/tags/add")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String addTag(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam long version,
            @RequestParam String tag,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = id(contactId);
        ContactView contact = live(pages.contact(caller.accountId(), id));
        List<UUID> tags = new ArrayList<>(Objects.requireNonNullElse(contact.taggings(), List.of()));
        tags.addAll(ContactPageForms.ids("taggings", List.of(tag)));
        write(
                caller,
                id,
                ContactPageForms.keeping(contact, null, tags.stream().distinct().toList(), null),
                version,
                request,
                "tags");
        return done(redirect, id, "Tagged.");
    }

    @PostMapping("/console/contacts/{contactId}/tags/remove")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String removeTag(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam long version,
            @RequestParam String tag,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = id(contactId);
        ContactView contact = live(pages.contact(caller.accountId(), id));
        List<UUID> tags = new ArrayList<>(Objects.requireNonNullElse(contact.taggings(), List.of()));
        tags.removeAll(ContactPageForms.ids("taggings", List.of(tag)));
        write(caller, id, ContactPageForms.keeping(contact, null, tags, null), version, request, "tags");
        return done(redirect, id, "Tag removed.");
    }

    @PostMapping("/console/contacts/{contactId}/fields")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String fields(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = id(contactId);
        ContactView contact = live(pages.contact(caller.accountId(), id));
        List<String> fieldIds = Objects.requireNonNullElse(form.get("fieldId"), List.of());
        List<FieldValue> values = ContactPageForms.customFields(form, fieldIds);
        write(caller, id, ContactPageForms.keeping(contact, null, null, values), version, request, "custom fields");
        return done(redirect, id, "Saved. The custom fields are up to date.");
    }

    /** The console's word, recorded with any consent change as the API records its callers'. */
    static Actor actor(Caller caller, HttpServletRequest request, String what) {
        return RequestActors.of(caller, Source.ACCOUNT, Channel.UI, request, "console: " + what);
    }

    static UUID id(String contactId) {
        return Limits.uuid("contact", contactId);
    }

    static String done(RedirectAttributes redirect, UUID id, String notice) {
        redirect.addFlashAttribute(NOTICE, notice);
        return "redirect:/console/contacts/" + id;
    }

    private void write(
            Caller caller, UUID id, ContactDraft draft, long version, HttpServletRequest request, String what) {
        contacts.update(
                caller.accountId(),
                id,
                draft,
                ContactPageForms.ifMatch(version),
                actor(caller, request, what + " of contact " + id));
    }

    /** A PUT would revive a deleted contact; the console asks for the explicit Restore instead. */
    private static ContactView live(ContactView contact) {
        if (contact.deletedAt() != null) {
            throw new Conflict("Contact " + contact.contactId()
                    + " is deleted; restore it before you edit it (Restore, at the top of its page).");
        }
        return contact;
    }
}
