package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The carrier pattern used by validation is the list, nothing more or less. */
class CarriersTest {

    @Test
    void thePatternIsTheList() {
        assertThat(Carriers.PATTERN).isEqualTo(String.join("|", Carriers.NAMES));
        assertThat("SF1234567890123").matches(Carriers.TRACKING_NO);
        assertThat("JD-0012-3456").matches(Carriers.TRACKING_NO);
        assertThat("SF 1234567890").doesNotMatch(Carriers.TRACKING_NO);
        assertThat("-SF12345678").doesNotMatch(Carriers.TRACKING_NO);
    }
}
