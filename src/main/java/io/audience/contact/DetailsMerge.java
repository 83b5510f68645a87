package io.audience.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to the phones and street addresses of a contact that exists when a sign-up or an
 * import sends some; one rule for both (the import applies it set-based, in
 * {@link ContactsInBulk#mergePhones} and {@link ContactsInBulk#mergeAddresses}):
 * <ul>
 * <li>a phone number the contact has already is left as it is;
 * <li>a phone of a kind the contact has replaces that phone's number; an address of a kind the
 *     contact has gets the parts sent (a part not sent keeps its value);
 * <li>any other is added after the contact's own;
 * <li>a contact keeps at most {@link ContactFields#MAX_EACH} of each: when more would result, the
 *     contact's own that come last make room.
 * </ul>
 */
final class DetailsMerge {

    private DetailsMerge() {}

    static List<ContactDraft.Phone> phones(List<ContactDraft.Phone> own, List<ContactDraft.Phone> sent) {
        List<ContactDraft.Phone> kept = new ArrayList<>(own);
        List<ContactDraft.Phone> added = new ArrayList<>();
        for (ContactDraft.Phone phone : sent) {
            if (kept.stream().anyMatch(p -> p.phoneNumber().equals(phone.phoneNumber()))) {
                continue;
            }
            int same = indexOfKind(kept.stream().map(ContactDraft.Phone::kind).toList(), phone.kind());
            if (same >= 0) {
                kept.set(
                        same,
                        new ContactDraft.Phone(
                                phone.phoneNumber(), kept.get(same).kind()));
            } else {
                added.add(phone);
            }
        }
        return capped(kept, added);
    }

    static List<ContactDraft.Address> addresses(List<ContactDraft.Address> own, List<ContactDraft.Address> sent) {
        List<ContactDraft.Address> kept = new ArrayList<>(own);
        List<ContactDraft.Address> added = new ArrayList<>();
        for (ContactDraft.Address address : sent) {
            int same = indexOfKind(kept.stream().map(ContactDraft.Address::kind).toList(), address.kind());
            if (same >= 0) {
                ContactDraft.Address old = kept.get(same);
                kept.set(
                        same,
                        new ContactDraft.Address(
                                old.kind(),
                                or(address.street(), old.street()),
                                or(address.city(), old.city()),
                                or(address.state(), old.state()),
                                or(address.postalCode(), old.postalCode()),
                                or(address.country(), old.country())));
            } else {
                added.add(address);
            }
        }
        return capped(kept, added);
    }

    private static <T> List<T> capped(List<T> kept, List<T> added) {
        List<T> out = new ArrayList<>(kept.subList(
                0, Math.max(0, Math.min(kept.size(), ContactFields.MAX_EACH - added.size()))));
        out.addAll(added.subList(0, Math.min(added.size(), ContactFields.MAX_EACH)));
        return out;
    }

    private static int indexOfKind(List<@Nullable String> kinds, @Nullable String kind) {
        if (kind == null) {
            return -1;
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (Objects.equals(kinds.get(i), kind)) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable String or(@Nullable String sent, @Nullable String old) {
        return sent != null ? sent : old;
    }
}
