package io.audience.contact.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeenAddressesTest {

    @Test
    void aMillionDistinctValuesDoNotRepeat() {
        SeenAddresses seen = new SeenAddresses();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            seen.add(random.nextLong());
        }
        assertThat(seen.mayRepeat()).isFalse();
    }

    @Test
    void aValueSeenTwiceMayRepeatEvenAfterTheSetHasGrown() {
        SeenAddresses seen = new SeenAddresses();
        for (long i = 1; i <= 200_000; i++) {
            seen.add(i * 31);
        }
        seen.add(5 * 31);
        assertThat(seen.mayRepeat()).isTrue();
    }

    @Test
    void zeroIsAValueLikeAnyOther() {
        SeenAddresses seen = new SeenAddresses();
        seen.add(0);
        assertThat(seen.mayRepeat()).isFalse();
        seen.add(0);
        assertThat(seen.mayRepeat()).isTrue();
    }

    @Test
    void moreValuesThanTheSetHoldsAreTakenAsMayRepeat() {
        SeenAddresses seen = new SeenAddresses();
        for (long i = 1; i <= SeenAddresses.MAX_SLOTS / 2 + 1; i++) {
            seen.add(i);
        }
        assertThat(seen.mayRepeat()).isTrue();
    }
}
