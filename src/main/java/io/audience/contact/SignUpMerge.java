package io.audience.contact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How a sign-up's single phone number and street address join what the contact already has. */
final class SignUpMerge {

    private static final int MAX_EACH = 3;

    private SignUpMerge() {}

    static void mergeDetails(ContactDetailsRepository details, UUID accountId, UUID contactId, ContactDraft draft,
            OffsetDateTime now) {
        if (draft.phoneNumbers() != null && !draft.phoneNumbers().isEmpty()) {
            ContactDraft.Phone sent = draft.phoneNumbers().get(0);
            List<ContactDraft.Phone> phones = new ArrayList<>(details.phonesOf(accountId, List.of(contactId))
                    .getOrDefault(contactId, List.of()).stream()
                    .map(p -> new ContactDraft.Phone(p.phoneNumber(), p.kind())).toList());
            if (phones.stream().noneMatch(p -> p.phoneNumber().equals(sent.phoneNumber()))) {
                if (phones.size() == MAX_EACH) {
                    phones.remove(MAX_EACH - 1);
                }
                phones.add(0, sent);
                details.replacePhones(accountId, contactId, phones, draft.source().wire(), now);
            }
        }
        if (draft.streetAddresses() != null && !draft.streetAddresses().isEmpty()) {
            ContactDraft.Address sent = draft.streetAddresses().get(0);
            List<ContactDraft.Address> addresses = new ArrayList<>(details.addressesOf(accountId, List.of(contactId))
                    .getOrDefault(contactId, List.of()).stream()
                    .filter(a -> !a.kind().equals(sent.kind()))
                    .map(a -> new ContactDraft.Address(a.kind(), a.street(), a.city(), a.state(), a.postalCode(),
                            a.country()))
                    .toList());
            if (addresses.size() == MAX_EACH) {
                addresses.remove(MAX_EACH - 1);
            }
            addresses.add(0, sent);
            details.replaceAddresses(accountId, contactId, addresses, now);
        }
    }
}
