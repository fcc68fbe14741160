package io.livehall;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * For extra application instances a test starts with {@code SpringApplicationBuilder}: their own Netty event
 * loops instead of Reactor Netty's global ones. Closing an instance that shares the global loops disposes them,
 * and with them the server of every other such instance in the JVM (a second instance stopped accepting
 * connections after another test closed its own). Deliberately not a {@code @Configuration}: it is added to a
 * builder's sources, never found by component scanning.
 */
public class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
