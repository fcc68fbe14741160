package io.livehall.config.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded defaults: when no database URL is configured, starts an embedded PostgreSQL 17;
 * when no Redis URL is configured, starts an embedded Redis. Both keep their data under
 * {@code livehall.data-dir} (default {@code ./data}) and stop with the JVM. Using the embedded
 * database switches on the {@code local} profile (demo data).
 * <p>
 * {@code livehall.embedded=false} ({@code LIVEHALL_EMBEDDED=false}, set in the container image) forbids both: a
 * missing URL then stops the start with a message instead of starting a database inside a container.
 * <p>
 * Also turns the single-URL {@code LIVEHALL_DATABASE_URL} / {@code LIVEHALL_REDIS_URL} forms and a
 * bare {@code spring.r2dbc.url} into the properties R2DBC, Flyway (JDBC) and Lettuce need.
 */
public class EmbeddedServicesPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "livehallConnections";

    /** One server per data directory and JVM: several application contexts (tests, two-instance tests) share it. */
    private static final Map<Path, EmbeddedPostgresServer> POSTGRES = new ConcurrentHashMap<>();
    private static final Map<Path, EmbeddedRedisServer> REDIS = new ConcurrentHashMap<>();

    private final Log log;

    public EmbeddedServicesPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedServicesPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after application.yaml and profiles are loaded (ConfigData runs at HIGHEST_PRECEDENCE + 10)
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        Path dataDir = Path.of(env.getProperty("livehall.data-dir", "./data")).toAbsolutePath().normalize();
        configureDatabase(env, props, dataDir);
        configureRedis(env, props, dataDir);
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    private void configureDatabase(ConfigurableEnvironment env, Map<String, Object> props, Path dataDir) {
        String single = env.getProperty("livehall.database-url");
        if (single != null && !single.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(single);
            props.putAll(url.springProperties());
            return;
        }
        String r2dbc = env.getProperty("spring.r2dbc.url");
        if (r2dbc != null && !r2dbc.isBlank()) {
            if (env.getProperty("spring.flyway.url") == null) {
                props.putAll(DatabaseUrl.fromR2dbc(r2dbc, env.getProperty("spring.r2dbc.username"),
                        env.getProperty("spring.r2dbc.password")).flywayProperties());
            }
            return;
        }
        requireEmbeddedAllowed(env, "PostgreSQL", "LIVEHALL_DATABASE_URL or SPRING_R2DBC_URL");
        EmbeddedPostgresServer server = POSTGRES.computeIfAbsent(dataDir.resolve("postgres"),
                dir -> EmbeddedPostgresServer.start(dir, log));
        props.putAll(server.url().springProperties());
        env.addActiveProfile("local");
        log.info("No database URL configured: using embedded PostgreSQL on port " + server.port()
                + " with data in " + dataDir.resolve("postgres"));
    }

    private void configureRedis(ConfigurableEnvironment env, Map<String, Object> props, Path dataDir) {
        String single = env.getProperty("livehall.redis-url");
        if (single != null && !single.isBlank()) {
            props.put("spring.data.redis.url", single);
            return;
        }
        if (env.getProperty("spring.data.redis.url") != null || env.getProperty("spring.data.redis.host") != null) {
            return;
        }
        requireEmbeddedAllowed(env, "Redis", "LIVEHALL_REDIS_URL or SPRING_DATA_REDIS_URL");
        EmbeddedRedisServer server = REDIS.computeIfAbsent(dataDir.resolve("redis"),
                dir -> EmbeddedRedisServer.start(dir, log));
        props.put("spring.data.redis.url", "redis://127.0.0.1:" + server.port());
        log.info("No Redis URL configured: using embedded Redis on port " + server.port());
    }

    private static void requireEmbeddedAllowed(ConfigurableEnvironment env, String what, String settings) {
        if (!env.getProperty("livehall.embedded", Boolean.class, true)) {
            throw new IllegalStateException("No " + what + " URL configured and livehall.embedded=false (as in the "
                    + "container image): set " + settings);
        }
    }
}
