package io.livehall.config.embedded;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code livehall.embedded=false} (the container image's setting): no URL stops the start, URLs are used as given. */
class EmbeddedForbiddenTest {

    private final EmbeddedServicesPostProcessor processor = new EmbeddedServicesPostProcessor(supplier -> supplier.get());

    @Test
    void missingDatabaseUrlStopsTheStartInsteadOfStartingAnEmbeddedDatabase() {
        StandardEnvironment env = environment(Map.of("livehall.embedded", "false"));

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No PostgreSQL URL configured").hasMessageContaining("LIVEHALL_DATABASE_URL");
    }

    @Test
    void missingRedisUrlStopsTheStart() {
        StandardEnvironment env = environment(Map.of("livehall.embedded", "false",
                "livehall.database-url", "postgresql://app:secret@db:5432/livehall"));

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Redis URL configured").hasMessageContaining("LIVEHALL_REDIS_URL");
    }

    @Test
    void configuredUrlsAreUsedAndNothingEmbeddedStarts() {
        StandardEnvironment env = environment(Map.of("livehall.embedded", "false",
                "spring.r2dbc.url", "r2dbc:postgresql://db:5432/livehall", "spring.r2dbc.username", "app",
                "livehall.redis-url", "redis://cache:6379/0"));

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db:5432/livehall");
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://cache:6379/0");
        assertThat(env.getActiveProfiles()).doesNotContain("local");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        // the machine's SPRING_R2DBC_URL etc. must not count here
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }
}
