package io.audience.contact.web;

import io.audience.consent.ConsentEvent;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentState;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactView;
import io.audience.contact.Include;
import io.audience.contact.web.ContactPageView.AddressSlot;
import io.audience.contact.web.ContactPageView.Choice;
import io.audience.contact.web.ContactPageView.Fact;
import io.audience.contact.web.ContactPageView.FieldInput;
import io.audience.contact.web.ContactPageView.PhoneSlot;
import io.audience.contact.web.ContactPageView.Profile;
import io.audience.customfield.CustomFieldService;
import io.audience.customfield.CustomFieldView;
import io.audience.customfield.FieldValue;
import io.audience.list.ContactListView;
import io.audience.list.ListQuery;
import io.audience.list.ListService;
import io.audience.tag.TagService;
import io.audience.tag.TagView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what the contact page shows through the services the API reads with, scoped to the
 * caller's account: another account's contact is the services' 404.
 */
@Component
class ContactPageAssembler {

    /** As many as the account may have of each; the page offers them all. */
    private static final int LISTS = 1000;

    private static final int TAGS = 500;
    private static final int FIELDS = 100;
    private static final int SLOTS = 3;

    private final ContactQueries queries;
    private final ConsentService consent;
    private final ListService lists;
    private final TagService tags;
    private final CustomFieldService fields;

    ContactPageAssembler(
            ContactQueries queries,
            ConsentService consent,
            ListService lists,
            TagService tags,
            CustomFieldService fields) {
        this.queries = queries;
        this.consent = consent;
        this.lists = lists;
        this.tags = tags;
        this.fields = fields;
    }

    ContactView contact(UUID accountId, UUID contactId) {
        return queries.get(accountId, contactId, EnumSet.allOf(Include.class));
    }

    /** The account's live lists, for the resubscribe request's choice too. */
    List<ContactListView> accountLists(UUID accountId) {
        return lists.page(accountId, new ListQuery(LISTS, false, null, null, ListQuery.ListStatus.ACTIVE, null))
                .lists();
    }

    ContactPageView page(UUID accountId, UUID contactId) {
        ContactView c = contact(accountId, contactId);
        List<UUID> on = Objects.requireNonNullElse(c.listMemberships(), List.of());
        List<UUID> tagged = Objects.requireNonNullElse(c.taggings(), List.of());
        List<Choice> listChoices = accountLists(accountId).stream()
                .map(l -> new Choice(l.listId().toString(), l.name(), on.contains(l.listId())))
                .toList();
        List<TagView> all = tags.page(accountId, null, TAGS, false).tags();
        List<Choice> tagChoices = all.stream()
                .map(t -> new Choice(t.tagId().toString(), t.name(), tagged.contains(t.tagId())))
                .toList();
        ContactPageView.ConsentSummary summary = null;
        List<ConsentEvent> events = List.of();
        if (c.email() != null) {
            events = consent.history(accountId, c.email().key());
            ConsentState state =
                    consent.find(accountId, c.email().key()).orElse(c.email().consent());
            summary = ConsentWords.summary(state, events);
        }
        return new ContactPageView(
                c.contactId().toString(),
                title(c),
                c.email() == null ? null : c.email().address(),
                c.deletedAt() != null,
                c.deletedAt() == null ? null : ConsentWords.when(c.deletedAt()),
                c.version(),
                profile(c),
                facts(c),
                listChoices,
                tagChoices.stream().filter(Choice::chosen).toList(),
                tagChoices.stream().filter(t -> !t.chosen()).toList(),
                fieldInputs(accountId, Objects.requireNonNullElse(c.customFields(), List.of())),
                summary,
                c.email() == null ? null : ConsentWords.delivery(c.email().delivery()),
                ConsentWords.timeline(events));
    }

    private static String title(ContactView c) {
        String name = String.join(
                        " ",
                        Objects.requireNonNullElse(c.firstName(), ""),
                        Objects.requireNonNullElse(c.lastName(), ""))
                .strip();
        if (!name.isEmpty()) {
            return name;
        }
        return c.email() != null ? c.email().address() : "Contact " + c.contactId();
    }

    private static Profile profile(ContactView c) {
        List<PhoneSlot> phones = new ArrayList<>();
        List<ContactView.PhoneView> own = Objects.requireNonNullElse(c.phoneNumbers(), List.of());
        for (int i = 0; i < SLOTS; i++) {
            phones.add(
                    i < own.size()
                            ? new PhoneSlot(
                                    i, own.get(i).phoneNumber(), text(own.get(i).kind()))
                            : new PhoneSlot(i, "", ""));
        }
        List<AddressSlot> addresses = new ArrayList<>();
        List<ContactView.AddressView> where = Objects.requireNonNullElse(c.streetAddresses(), List.of());
        for (int i = 0; i < SLOTS; i++) {
            if (i < where.size()) {
                ContactView.AddressView a = where.get(i);
                addresses.add(new AddressSlot(
                        i,
                        a.kind(),
                        text(a.street()),
                        text(a.city()),
                        text(a.state()),
                        text(a.postalCode()),
                        text(a.country())));
            } else {
                addresses.add(new AddressSlot(i, "", "", "", "", "", ""));
            }
        }
        return new Profile(
                c.email() == null ? "" : c.email().address(),
                text(c.firstName()),
                text(c.lastName()),
                text(c.jobTitle()),
                text(c.companyName()),
                c.birthdayMonth() == null ? "" : c.birthdayMonth().toString(),
                c.birthdayDay() == null ? "" : c.birthdayDay().toString(),
                c.anniversary() == null ? "" : c.anniversary().toString(),
                phones,
                addresses);
    }

    private static List<Fact> facts(ContactView c) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Status", c.deletedAt() == null ? "Active" : "Deleted"));
        facts.add(new Fact("Created", ConsentWords.when(c.createdAt()) + " (source: " + c.createSource() + ")"));
        facts.add(new Fact("Updated", ConsentWords.when(c.updatedAt()) + " (source: " + c.updateSource() + ")"));
        facts.add(new Fact("Contact id", c.contactId().toString()));
        return facts;
    }

    private List<FieldInput> fieldInputs(UUID accountId, List<FieldValue> values) {
        Map<UUID, FieldValue> byField =
                values.stream().collect(Collectors.toMap(FieldValue::customFieldId, Function.identity()));
        List<FieldInput> inputs = new ArrayList<>();
        for (CustomFieldView field : fields.page(accountId, null, FIELDS).customFields()) {
            Optional<FieldValue> value = Optional.ofNullable(byField.get(field.customFieldId()));
            List<String> chosen = value.map(FieldValue::choiceIds).orElse(null) == null
                    ? List.of()
                    : Objects.requireNonNull(value.get().choiceIds());
            List<Choice> choices =
                    Objects.requireNonNullElse(field.choices(), List.<CustomFieldView.Choice>of()).stream()
                            .map(ch -> new Choice(
                                    Integer.toString(ch.choiceId()),
                                    ch.choiceLabel(),
                                    chosen.contains(Integer.toString(ch.choiceId()))))
                            .toList();
            inputs.add(new FieldInput(
                    field.customFieldId().toString(),
                    field.label(),
                    field.type(),
                    text(value.map(FieldValue::value).orElse(null)),
                    field.type().equals("multi_select"),
                    choices));
        }
        return inputs;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
