package io.audience.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

class BoundedIdsTest {

    record Body(
            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> contactIds) {}

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Test
    void aListOfUpTo500ValuesIsReadAsTheDefaultBindingReadsIt() {
        StringBuilder ids = new StringBuilder("\"a\", 7, null");
        for (int i = 3; i < 500; i++) {
            ids.append(", \"id-").append(i).append('"');
        }
        Body body = json.readValue("{\"contact_ids\": [" + ids + "]}", Body.class);
        assertThat(body.contactIds()).hasSize(500).startsWith("a", "7", null);
        assertThat(json.readValue("{\"contact_ids\": null}", Body.class).contactIds())
                .isNull();
        assertThat(json.readValue("{}", Body.class).contactIds()).isNull();
    }

    @Test
    void the501stValueRefusesTheBodyBeforeTheRestIsRead() {
        StringBuilder body = new StringBuilder("{\"contact_ids\": [");
        for (int i = 0; i < 501; i++) {
            body.append('"').append(i).append("\", ");
        }
        // What follows is not even JSON: reading on would fail on it, not on the count.
        body.append("this is never read");
        assertThatThrownBy(() -> json.readValue(
                        new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)), Body.class))
                .satisfies(e -> assertThat(cause(e))
                        .isInstanceOf(ValidationFailed.class)
                        .hasMessageStartingWith("contact_ids takes at most 500 values"));
    }

    @Test
    void aValueThatIsNotAListOrAnObjectInTheListIsAMismatchAsBefore() {
        assertThatThrownBy(() -> json.readValue("{\"contact_ids\": \"one\"}", Body.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"contact_ids\": [{\"id\": 1}]}", Body.class))
                .isInstanceOf(DatabindException.class);
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while (!(t instanceof ValidationFailed) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
