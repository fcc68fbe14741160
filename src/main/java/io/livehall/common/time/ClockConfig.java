package io.livehall.common.time;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock} (UTC). Code that needs "now" takes this bean instead of calling
 * {@code Instant.now()}, so tests can move time (a {@code @Primary} clock of their own) instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
