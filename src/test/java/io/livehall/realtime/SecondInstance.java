package io.livehall.realtime;

import io.livehall.LiveHallApplication;
import io.livehall.OwnNettyResources;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the application in the test JVM, on its own port, sharing PostgreSQL and Redis with
 * the shared test context. Started by the first test that needs it and shared by all (one start per test
 * JVM); it stops with the JVM.
 */
public final class SecondInstance {

    private static ConfigurableApplicationContext context;

    private SecondInstance() {
    }

    public static synchronized int port() {
        if (context == null) {
            context = new SpringApplicationBuilder(LiveHallApplication.class, OwnNettyResources.class)
                    .properties("livehall.login.max-failures=5", "livehall.realtime.heartbeat=1s",
                            "spring.jmx.enabled=false", "management.server.port=", "springdoc.pre-loading-enabled=false")
                    .run("--server.port=0"); // a command-line argument: application.yaml's ${PORT:8080} beats default properties
        }
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A bean of the second instance (started if it is not yet). */
    public static synchronized <T> T bean(Class<T> type) {
        port();
        return context.getBean(type);
    }
}
