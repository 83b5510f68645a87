package io.audience.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.list.ListQuery.ListStatus;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void statusOfSeparatorsOnlyIsTheDefaultLikeABlankOne() {
        assertThat(ListQuery.status(",")).isEqualTo(ListStatus.ACTIVE);
        assertThat(ListQuery.status(" ")).isEqualTo(ListStatus.ACTIVE);
    }

    @Test
    void statusNamesCombineAsBefore() {
        assertThat(ListQuery.status("deleted,")).isEqualTo(ListStatus.DELETED);
        assertThat(ListQuery.status("active,deleted")).isEqualTo(ListStatus.ALL);
    }
}
