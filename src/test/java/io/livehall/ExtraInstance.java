package io.livehall;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another Live Hall instance in the test's JVM (its own Netty loops), sharing the test application's PostgreSQL, JWT
 * key and data directory, with the Redis (and optionally the R2DBC URL) a test gives it: the outage tests cut
 * those, never the shared servers. Settings are command-line arguments, which beat the environment variables CI sets
 * for the shared context.
 */
public final class ExtraInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ExtraInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance on a random port.
     *
     * @param r2dbcUrl the R2DBC URL, or null for the shared one
     * @param extra further {@code --key=value} settings
     */
    public static ExtraInstance start(Environment shared, String redisUrl, String r2dbcUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                "--springdoc.pre-loading-enabled=false",
                "--spring.r2dbc.url=" + (r2dbcUrl != null ? r2dbcUrl : shared.getProperty("spring.r2dbc.url")),
                "--spring.r2dbc.username=" + shared.getProperty("spring.r2dbc.username", ""),
                "--spring.r2dbc.password=" + shared.getProperty("spring.r2dbc.password", ""),
                "--spring.flyway.url=" + shared.getProperty("spring.flyway.url"),
                "--spring.flyway.user=" + shared.getProperty("spring.flyway.user", ""),
                "--spring.flyway.password=" + shared.getProperty("spring.flyway.password", ""),
                "--livehall.data-dir=" + shared.getProperty("livehall.data-dir"),
                "--spring.data.redis.url=" + redisUrl, "--livehall.redis-url=" + redisUrl,
                "--livehall.metrics.token=" + IntegrationTest.METRICS_TOKEN));
        args.addAll(List.of(extra));
        return new ExtraInstance(new SpringApplicationBuilder(LiveHallApplication.class, OwnNettyResources.class)
                .run(args.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A client of this instance whose requests give up after {@code seconds} (longer than any timeout under test). */
    public WebTestClient http(int seconds) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port())
                .responseTimeout(java.time.Duration.ofSeconds(seconds)).build();
    }

    @Override
    public void close() {
        context.close();
    }
}
