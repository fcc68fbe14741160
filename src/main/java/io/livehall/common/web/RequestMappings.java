package io.livehall.common.web;

import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Boot's WebFlux set-up with {@link ShapeFilteredRequestMapping} as the annotated controllers' handler mapping. */
@Configuration(proxyBeanMethods = false)
class RequestMappings {

    @Bean
    WebFluxRegistrations shapeFilteredRequestMapping() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new ShapeFilteredRequestMapping();
            }
        };
    }
}
