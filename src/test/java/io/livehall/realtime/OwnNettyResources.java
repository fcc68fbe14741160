package io.livehall.realtime;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * For an extra application instance started inside the test JVM: its web server gets event loops of its own
 * instead of Reactor Netty's global ones. Closing an instance that uses the global loops disposes them, and
 * with them the server of every other instance of the JVM that runs on them (one instance per JVM in
 * production, so only tests meet this).
 */
public final class OwnNettyResources implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        });
    }
}
