package io.audience.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque keyset cursor of {@code _links.next.href}: the last id of the page, tagged with the
 * collection it belongs to, so a cursor from one collection is refused by another.
 */
public record Cursor(String collection, UUID after) {

    public String encode() {
        byte[] raw = (collection + ":" + after).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static Cursor decode(String collection, String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 0 || !raw.substring(0, colon).equals(collection)) {
                throw new ValidationFailed("The cursor is not valid for " + collection);
            }
            return new Cursor(collection, UUID.fromString(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("The cursor is not valid; use the _links.next.href of a previous page");
        }
    }
}
