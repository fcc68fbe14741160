package io.livehall.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Reactive Redis on one shared, multiplexed Lettuce connection (no pool: {@code lettuce.pool.enabled=false}),
 * opened eagerly at startup. Lettuce otherwise connects lazily and synchronously on first use, which would
 * block an event-loop thread.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

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
