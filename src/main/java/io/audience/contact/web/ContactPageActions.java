package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactErasure;
import io.audience.contact.ContactService;
import io.audience.contact.ContactView;
import io.audience.web.Frame;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
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
 * The contact page's actions: Delete (after a confirm step), Restore, Erase (the address typed to
 * confirm) and Request resubscribe. Each calls the service the API calls and lets its refusal
 * explain itself (ConsoleErrors shows the API's message).
 */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class ContactPageActions {

    private final ContactPageAssembler pages;
    private final ContactService contacts;
    private final ContactErasure erasure;

    ContactPageActions(ContactPageAssembler pages, ContactService contacts, ContactErasure erasure) {
        this.pages = pages;
        this.contacts = contacts;
        this.erasure = erasure;
    }

    /** The confirm step of Delete: what deleting does, and the button that does it. */
    @GetMapping("/console/contacts/{contactId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String confirmDelete(Frame frame, Caller caller, @PathVariable String contactId, Model model) {
        model.addAttribute("page", pages.page(caller.accountId(), ContactPageController.id(contactId)));
        return "contact/pageDelete";
    }

    @PostMapping("/console/contacts/{contactId}/delete")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String delete(
            Caller caller, @PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        UUID id = ContactPageController.id(contactId);
        contacts.delete(caller.accountId(), id, ContactPageController.actor(caller, request, "delete " + id));
        return ContactPageController.done(
                redirect, id, "Deleted. The contact stays findable by its address and can be restored.");
    }

    @PostMapping("/console/contacts/{contactId}/restore")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String restore(
            Caller caller, @PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        UUID id = ContactPageController.id(contactId);
        contacts.restore(caller.accountId(), id, ContactPageController.actor(caller, request, "restore " + id));
        return ContactPageController.done(redirect, id, "Restored. The contact is active again.");
    }

    /**
     * Erase, for a privacy request: the person's data goes for good, so the user types the
     * contact's address (or, for a contact without one, its id); anything else changes nothing.
     */
    @PostMapping("/console/contacts/{contactId}/erase")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String erase(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam(name = "confirmEmail", required = false) @Nullable String typed,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = ContactPageController.id(contactId);
        ContactView contact = pages.contact(caller.accountId(), id);
        String expected = contact.email() != null ? contact.email().address() : id.toString();
        String given = typed == null ? "" : typed.strip();
        if (!given.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            throw new ValidationFailed(
                    given.isEmpty()
                            ? "To erase this contact, type its " + (contact.email() != null ? "email address " : "id ")
                                    + expected + " in the confirmation field; nothing was erased."
                            : "\"" + given + "\" is not " + expected
                                    + "; type the contact's address exactly to erase it. Nothing was erased.");
        }
        erasure.erase(caller.accountId(), id, ContactPageController.actor(caller, request, "erase " + id));
        redirect.addFlashAttribute(
                ContactPageController.NOTICE,
                "Erased. The person's data is gone; an opt-out stays on record, so the address stays suppressed.");
        return "redirect:/console/contacts";
    }

    /**
     * Asks a person who unsubscribed themselves whether they want mail again, as the API's
     * resubscribe does: one mail per opt-out, and their click adds the lists chosen here.
     */
    @PostMapping("/console/contacts/{contactId}/resubscribe")
    @ConsolePage(Privilege.CONTACTS_WRITE)
    String resubscribe(
            Caller caller,
            @PathVariable String contactId,
            @RequestParam(name = "list", required = false) @Nullable List<String> lists,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID id = ContactPageController.id(contactId);
        pages.contact(caller.accountId(), id);
        List<UUID> chosen = ContactPageForms.ids("list_ids", lists);
        if (chosen.isEmpty()) {
            throw new ValidationFailed("Choose at least one list the person is asked to join again.");
        }
        contacts.resubscribe(
                caller.accountId(),
                id,
                chosen,
                ContactPageController.actor(caller, request, "resubscribe request " + id + " lists=" + chosen));
        return ContactPageController.done(
                redirect,
                id,
                "Sent. The person gets a mail asking them to confirm; their click subscribes them again.");
    }
}
