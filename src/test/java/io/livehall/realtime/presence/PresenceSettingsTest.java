package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import org.junit.jupiter.api.Test;

/** {@code livehall.presence.*} binds from the environment variables README documents, and refuses a slow beat. */
class PresenceSettingsTest {

    @Test
    void fromTheEnvironment() {
        assertThat(EnvironmentBinding.bind("livehall.presence", PresenceSettings.class, Map.of(
                "LIVEHALL_PRESENCE_LEASE", "8s", "LIVEHALL_PRESENCE_BEAT_EVERY", "2s")))
                .isEqualTo(new PresenceSettings(Duration.ofSeconds(8), Duration.ofSeconds(2)));
        assertThat(EnvironmentBinding.bind("livehall.presence", PresenceSettings.class, Map.of()))
                .isEqualTo(new PresenceSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    @Test
    void aBeatMustComeAtLeastTwiceInALease() {
        assertThatThrownBy(() -> new PresenceSettings(Duration.ofSeconds(5), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceSettings(Duration.ofSeconds(5), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
