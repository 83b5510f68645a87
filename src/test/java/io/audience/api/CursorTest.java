package io.audience.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void cursorRoundTripsThroughItsOpaqueForm() {
        Cursor cursor = new Cursor("contacts", UUID.randomUUID());
        assertThat(Cursor.decode("contacts", cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void cursorOfAnotherCollectionIsRefused() {
        String lists = new Cursor("contact_lists", UUID.randomUUID()).encode();
        assertThatThrownBy(() -> Cursor.decode("contacts", lists)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void garbageCursorIsRefusedWithAHint() {
        assertThatThrownBy(() -> Cursor.decode("contacts", "%%%not-base64"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("_links.next.href");
        assertThatThrownBy(() -> Cursor.decode("contacts", "Y29udGFjdHM6bm90LWEtdXVpZA"))
                .isInstanceOf(ValidationFailed.class);
    }
}
