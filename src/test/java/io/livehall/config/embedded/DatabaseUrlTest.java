package io.livehall.config.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void turnsOneUrlIntoR2dbcAndFlywaySettings() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://hall:s3cret@db.internal:6543/livehall?sslmode=require");
        assertThat(url.springProperties())
                .containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db.internal:6543/livehall?sslmode=require")
                .containsEntry("spring.r2dbc.username", "hall")
                .containsEntry("spring.r2dbc.password", "s3cret")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://db.internal:6543/livehall?sslmode=require")
                .containsEntry("spring.flyway.user", "hall")
                .containsEntry("spring.flyway.password", "s3cret");
    }

    @Test
    void derivesFlywayFromAnR2dbcUrlWithSeparateCredentials() {
        DatabaseUrl url = DatabaseUrl.fromR2dbc("r2dbc:postgresql://127.0.0.1/test", "postgres", null);
        assertThat(url.flywayProperties())
                .containsEntry("spring.flyway.url", "jdbc:postgresql://127.0.0.1:5432/test")
                .containsEntry("spring.flyway.user", "postgres")
                .doesNotContainKey("spring.flyway.password");
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
