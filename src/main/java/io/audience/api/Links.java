package io.audience.api;

import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/** The vendor's {@code _links.next.href}: this request's path and filters with the next cursor. */
public final class Links {

    private Links() {}

    public static Map<String, Map<String, String>> next(Cursor cursor) {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", cursor.encode())
                .build(true);
        return Map.of("next", Map.of("href", uri.getPath() + "?" + uri.getQuery()));
    }
}
