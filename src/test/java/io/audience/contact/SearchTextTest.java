package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void aWholeAddressIsNormalisedAsTheApiDoes() {
        SearchText text = SearchText.parse("  Jane.Doe@EXAMPLE.com ");
        assertThat(text.exactKey()).isEqualTo("jane.doe@example.com");
        assertThat(text.addressPrefix()).isEqualTo("jane.doe@example.com");
        assertThat(text.words()).isEmpty();
    }

    @Test
    void aHalfTypedAddressIsStillAPrefix() {
        SearchText text = SearchText.parse("Jane@");
        assertThat(text.exactKey()).isNull();
        assertThat(text.addressPrefix()).isEqualTo("jane@");
    }

    @Test
    void otherTextIsLowerCasedWords() {
        assertThat(SearchText.parse(" Jane   OHNS ").words()).isEqualTo(List.of("jane", "ohns"));
        assertThat(SearchText.parse("   ").isEmpty()).isTrue();
        assertThat(SearchText.parse(null).isEmpty()).isTrue();
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertThat(SearchText.literal("a_b%c\\d")).isEqualTo("a\\_b\\%c\\\\d");
    }

    @Test
    void aControlCharacterIsRefusedButTabsAndLineBreaksSeparateWords() {
        assertThatThrownBy(() -> SearchText.parse("jane\u0000doe"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessage("q must not contain control characters");
        assertThatThrownBy(() -> SearchText.parse("jane@\u001bexample.com")).isInstanceOf(ValidationFailed.class);
        assertThat(SearchText.parse("Jane\tDoe\r\n").words()).isEqualTo(List.of("jane", "doe"));
    }
}
