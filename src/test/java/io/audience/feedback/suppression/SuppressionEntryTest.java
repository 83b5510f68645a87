package io.audience.feedback.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import io.audience.consent.Source;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SuppressionEntryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00Z");

    private static SuppressionEntry read(@Nullable String... cells) {
        Map<String, @Nullable String> row = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put(SuppressionEntry.COLUMNS.get(i), cells[i]);
        }
        return SuppressionEntry.read(7, row, NOW);
    }

    @Test
    void anUnsubscribedRowWithoutSourceIsTheAccountsOptOutNow() {
        SuppressionEntry entry = read(" Jane@Example.COM ", "unsubscribed", "", null);
        assertThat(entry.emailKey()).isEqualTo("jane@example.com");
        assertThat(entry.kind()).isEqualTo(SuppressionEntry.Kind.UNSUBSCRIBED);
        assertThat(entry.source()).isEqualTo(Source.ACCOUNT);
        assertThat(entry.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void reasonAndSourceAreReadWhateverTheirCase() {
        SuppressionEntry entry = read("a@example.com", "Unsubscribed", "contact", "2024-05-06");
        assertThat(entry.source()).isEqualTo(Source.CONTACT);
        assertThat(entry.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-05-06T00:00:00Z"));
    }

    @Test
    void aComplaintIsAlwaysThePersonsAndABounceIgnoresTheSource() {
        assertThat(read("a@example.com", "complained", "Account", null).source())
                .isEqualTo(Source.CONTACT);
        assertThat(read("a@example.com", "bounced", "nonsense", null).kind()).isEqualTo(SuppressionEntry.Kind.BOUNCED);
    }

    @Test
    void occurredAtTakesADateTimeWithOrWithoutOffset() {
        assertThat(read("a@example.com", "bounced", null, "2024-05-06T07:08:09+02:00")
                        .occurredAt()
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-05-06T05:08:09Z").toInstant());
        assertThat(read("a@example.com", "bounced", null, "2024-05-06T07:08:09")
                        .occurredAt()
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-05-06T07:08:09Z").toInstant());
    }

    @Test
    void aBadCellNamesTheRowAndTheColumn() {
        assertThatThrownBy(() -> read("not an address", "bounced", null, null))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("row 7, column email:");
        assertThatThrownBy(() -> read("", "bounced", null, null)).hasMessage("row 7, column email: is required");
        assertThatThrownBy(() -> read("a@example.com", "spam", null, null))
                .hasMessage("row 7, column reason: must be unsubscribed, bounced or complained, not 'spam'");
        assertThatThrownBy(() -> read("a@example.com", "unsubscribed", "Robot", null))
                .hasMessage("row 7, column source: must be Account or Contact, not 'Robot'");
        assertThatThrownBy(() -> read("a@example.com", "bounced", null, "yesterday"))
                .hasMessageStartingWith("row 7, column occurred_at: must be an ISO-8601 date-time");
        assertThatThrownBy(() -> read("a@example.com", "bounced", null, "2027-01-01"))
                .hasMessage("row 7, column occurred_at: '2027-01-01' is in the future");
    }

    @Test
    void theEvidenceSaysWhatWhoAndWhenInUtc() {
        UUID activity = UUID.fromString("01a2b3c4-0000-7000-8000-000000000001");
        assertThat(read("a@example.com", "unsubscribed", "Contact", "2024-05-06T07:08:09+02:00")
                        .evidence(activity))
                .isEqualTo("suppression import " + activity + ": unsubscribed (Contact) at 2024-05-06T05:08:09Z");
        assertThat(read("a@example.com", "bounced", null, "2024-05-06").evidence(activity))
                .isEqualTo("suppression import " + activity + ": bounced at 2024-05-06T00:00:00Z");
    }

    @Test
    void aFileNeedsEmailAndReasonAndNoUnknownColumn() {
        SuppressionImports.checkColumns(List.of("reason", "email"));
        assertThatThrownBy(() -> SuppressionImports.checkColumns(List.of("email", "source")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("no reason column");
        assertThatThrownBy(() -> SuppressionImports.checkColumns(List.of("email", "reason", "list")))
                .hasMessageContaining("unknown column list");
    }
}
