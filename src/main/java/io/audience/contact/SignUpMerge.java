package io.audience.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** How a sign-up's phone number and street address join what the contact already has: {@link DetailsMerge}. */
final class SignUpMerge {

    private SignUpMerge() {}

    static void mergeDetails(
            ContactDetailsRepository details, UUID accountId, UUID contactId, ContactDraft draft, OffsetDateTime now) {
        if (draft.phoneNumbers() != null && !draft.phoneNumbers().isEmpty()) {
            List<ContactDraft.Phone> own =
                    details.phonesOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()).stream()
                            .map(p -> new ContactDraft.Phone(p.phoneNumber(), p.kind()))
                            .toList();
            List<ContactDraft.Phone> merged = DetailsMerge.phones(own, draft.phoneNumbers());
            if (!merged.equals(own)) {
                details.replacePhones(
                        accountId, contactId, merged, draft.source().wire(), now);
            }
        }
        if (draft.streetAddresses() != null && !draft.streetAddresses().isEmpty()) {
            List<ContactDraft.Address> own =
                    details.addressesOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()).stream()
                            .map(a -> new ContactDraft.Address(
                                    a.kind(), a.street(), a.city(), a.state(), a.postalCode(), a.country()))
                            .toList();
            List<ContactDraft.Address> merged = DetailsMerge.addresses(own, draft.streetAddresses());
            if (!merged.equals(own)) {
                details.replaceAddresses(accountId, contactId, merged, now);
            }
        }
    }
}
