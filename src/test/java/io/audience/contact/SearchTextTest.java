package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

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
}
