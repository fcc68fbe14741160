package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import org.junit.jupiter.api.Test;

/** The identity settings bind from the environment variables README's configuration table documents. */
class SettingsFromEnvironmentTest {

    @Test
    void jwtSettings() {
        JwtProperties jwt = EnvironmentBinding.bind("livehall.jwt", JwtProperties.class, Map.of(
                "LIVEHALL_JWT_KEY_FILE", "/run/secrets/jwt.json",
                "LIVEHALL_JWT_TTL", "2h",
                "LIVEHALL_JWT_ISSUER", "hall",
                "LIVEHALL_JWT_REVOCATION_CACHE_TTL", "5m",
                "LIVEHALL_JWT_REVOCATION_LOCAL_TTL", "3s"));
        assertThat(jwt).isEqualTo(new JwtProperties("hall", Duration.ofHours(2), "/run/secrets/jwt.json", Duration.ofMinutes(5),
                Duration.ofSeconds(3)));
    }

    @Test
    void jwtDefaults() {
        assertThat(EnvironmentBinding.bind("livehall.jwt", JwtProperties.class, Map.of()))
                .isEqualTo(new JwtProperties("livehall", Duration.ofHours(8), null, Duration.ofMinutes(15), Duration.ofSeconds(10)));
    }

    @Test
    void loginSettings() {
        LoginSettings login = EnvironmentBinding.bind("livehall.login", LoginSettings.class, Map.of(
                "LIVEHALL_LOGIN_MAX_FAILURES", "7",
                "LIVEHALL_LOGIN_WINDOW", "10m",
                "LIVEHALL_LOGIN_MAX_FAILURES_PER_USER", "30",
                "LIVEHALL_LOGIN_USER_WINDOW", "1h",
                "LIVEHALL_LOGIN_MAX_FAILURES_PER_ADDRESS", "100"));
        assertThat(login).isEqualTo(new LoginSettings(7, Duration.ofMinutes(10), 30, Duration.ofHours(1), 100));
        assertThat(EnvironmentBinding.bind("livehall.login", LoginSettings.class, Map.of()))
                .isEqualTo(new LoginSettings(10, Duration.ofMinutes(5), 50, Duration.ofMinutes(15), 50));
    }
}
