package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.api.Conflict;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.confirmation.SubscriberLinks;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactView;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v3/contacts/{contact_id}/links} (an extension): what a sending system puts in every
 * mail to the contact so that one-click unsubscribe reaches Audience, whoever sends the mail.
 */
@RestController
@Requires(Privilege.CONTACTS_READ)
class ContactLinksController {

    private final ContactQueries queries;
    private final SubscriberLinks links;

    ContactLinksController(ContactQueries queries, SubscriberLinks links) {
        this.queries = queries;
        this.links = links;
    }

    record ContactLinks(
            UUID contactId,
            String emailAddress,
            String deliveryStatus,
            String unsubscribeUrl,
            String preferencesUrl,
            String listUnsubscribe,
            String listUnsubscribePost) {}

    /** A deleted contact has links too: the person can still opt out, which is theirs to do. */
    @GetMapping("/v3/contacts/{contact_id}/links")
    ContactLinks get(Caller caller, @PathVariable("contact_id") String contactId) {
        ContactView contact = queries.get(caller.accountId(), Limits.uuid("contact", contactId), Set.of());
        ContactView.Email email = contact.email();
        if (email == null) {
            throw new Conflict("Contact " + contact.contactId() + " has no email address, so no mail links");
        }
        SubscriberLinks.Links made = links.of(caller.accountId(), email.key());
        return new ContactLinks(
                contact.contactId(),
                email.address(),
                email.delivery().status().wire(),
                made.unsubscribeUrl(),
                made.preferencesUrl(),
                made.listUnsubscribe(),
                made.listUnsubscribePost());
    }
}
