package io.audience.contact.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the console's contact page shows, ready for its template: every value already in words or
 * in the text a form field holds (public, as the compiled templates read it).
 */
public record ContactPageView(
        String contactId,
        String title,
        @Nullable String email,
        boolean deleted,
        @Nullable String deletedOn,
        long version,
        Profile profile,
        List<Fact> facts,
        List<Choice> lists,
        List<Choice> tags,
        List<Choice> otherTags,
        List<FieldInput> fields,
        @Nullable ConsentSummary consent,
        @Nullable DeliverySummary delivery,
        List<TimelineEntry> history) {

    /** Whether mail reaches the address: a badge (none when it does) and the sentence saying why not. */
    public record DeliverySummary(String badge, String label, String sentence) {}

    /** A name and its value, as a row of a {@code <dl class="facts">}. */
    public record Fact(String name, String value) {}

    /** A list or a tag the contact may be on: its id, name and whether the contact is. */
    public record Choice(String id, String name, boolean chosen) {}

    public record Profile(
            String email,
            String firstName,
            String lastName,
            String jobTitle,
            String companyName,
            String birthdayMonth,
            String birthdayDay,
            String anniversary,
            List<PhoneSlot> phones,
            List<AddressSlot> addresses) {

        /** The addresses the contact has, and one empty row to add one while there is room. */
        public List<AddressSlot> shownAddresses() {
            List<AddressSlot> shown = new java.util.ArrayList<>();
            boolean offered = false;
            for (AddressSlot slot : addresses) {
                if (!slot.blank()) {
                    shown.add(slot);
                } else if (!offered) {
                    shown.add(slot);
                    offered = true;
                }
            }
            return shown;
        }
    }

    /** One of the three phone rows of the form; blank when unused. */
    public record PhoneSlot(int index, String number, String kind) {}

    /** One of the three street address rows of the form; blank when unused. */
    public record AddressSlot(
            int index, String kind, String street, String city, String state, String postalCode, String country) {

        public boolean blank() {
            return street.isEmpty() && city.isEmpty() && state.isEmpty() && postalCode.isEmpty() && country.isEmpty();
        }
    }

    /** A custom field's input: a text box, or the field's choices for a select type. */
    public record FieldInput(String id, String label, String type, String value, boolean multi, List<Choice> choices) {

        public boolean select() {
            return !choices.isEmpty() || type.endsWith("_select");
        }
    }

    /**
     * The consent of the address in one sentence, with the badge it shows; {@code offerResubscribe}
     * when the person unsubscribed themselves: the resubscribe request is the account's only way back.
     */
    public record ConsentSummary(String badge, String label, String sentence, boolean offerResubscribe) {}

    /** One event of the consent history. */
    public record TimelineEntry(String at, String when, String change, String badge, List<Fact> evidence) {}
}
