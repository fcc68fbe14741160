package io.livehall.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Reactive Redis on one shared, multiplexed Lettuce connection (no pool: {@code lettuce.pool.enabled=false}),
 * opened eagerly at startup. Lettuce otherwise connects lazily and synchronously on first use, which would
 * block an event-loop thread. A lost connection is reconnected with an exponential back-off capped at
 * {@link #RECONNECT_AT_MOST} (Lettuce's default cap is 30 s): once Redis is back, orders, presence and pub/sub work
 * again within seconds, not half a minute (docs/operations.md "When Redis or PostgreSQL is down").
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(5);

    @Bean
    ClientResourcesBuilderCustomizer cappedReconnectDelay() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ZERO, RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS));
    }

    @Bean
    static BeanPostProcessor eagerLettuceConnection() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof LettuceConnectionFactory factory) {
                    factory.setShareNativeConnection(true);
                    factory.setEagerInitialization(true);
                }
                return bean;
            }
        };
    }
}
