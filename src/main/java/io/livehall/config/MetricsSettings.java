package io.livehall.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code livehall.metrics.*}: who may scrape {@code /actuator/prometheus}.
 *
 * @param token the bearer token Prometheus sends ({@code LIVEHALL_METRICS_TOKEN}; give Prometheus the same secret as
 *              {@code authorization: {type: Bearer, credentials_file: ...}}). Unset or blank: nobody may read the
 *              metrics (at least 16 characters are required when set)
 */
@ConfigurationProperties("livehall.metrics")
record MetricsSettings(String token) {

    MetricsSettings {
        if (token != null && !token.isBlank() && token.strip().length() < 16) {
            throw new IllegalArgumentException("livehall.metrics.token must be at least 16 characters long");
        }
    }
}
