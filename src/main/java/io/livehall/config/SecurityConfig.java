package io.livehall.config;

import io.livehall.common.error.ProblemWriter;
import io.livehall.identity.RevokedTokenException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Stateless JWT resource server. Public: the web app, registration/login, health, API docs, the demo stream.
 * {@code /actuator/prometheus} takes the scraper's token ({@link MetricsAccess}). Every response carries
 * Content-Security-Policy and the other security headers ({@link SecurityHeaders}).
 * {@code /api/admin/**} needs ADMIN; the rest of {@code /api/**} needs a valid token.
 * Failures answer RFC 9457 problems (401 with {@code WWW-Authenticate: Bearer}, 403).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemWriter problems, MetricsSettings metrics) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, unauthenticatedDetail(ex));
            problem.setType(java.net.URI.create("https://livehall.io/problems/unauthenticated"));
            problem.setTitle("Unauthorized");
            return problems.write(exchange, problem);
        };
        ServerAccessDeniedHandler forbidden = (exchange, ex) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "没有权限执行此操作");
            problem.setType(java.net.URI.create("https://livehall.io/problems/forbidden"));
            problem.setTitle("Forbidden");
            return problems.write(exchange, problem);
        };
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // stateless: no request is ever saved for after a login (the default cache opened a WebSession each time)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/guest").permitAll()
                        // replay heartbeats: users by their token, guests by their signed guest id (ReplayController)
                        .pathMatchers(HttpMethod.POST, "/api/training/sessions/*/replay/heartbeat").permitAll()
                        // public reads: the catalogue, the live schedule, product images, current agreements
                        .pathMatchers(HttpMethod.GET, "/api/products/**", "/api/live-sessions/**", "/api/training/**", "/api/courses/**", "/api/files/**",
                                "/api/agreements/**", "/api/fair-directories/**").permitAll()
                        // load-test endpoints, present only with livehall.bench.enabled=true (BenchPingController)
                        .pathMatchers(HttpMethod.GET, "/api/bench/**").permitAll()
                        // fairs: the public list, a fair's home page and an invitation link (guests welcome)
                        .pathMatchers(HttpMethod.GET, "/api/fairs", "/api/fairs/*", "/api/fair-invitations/*").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/organiser/**").hasAnyRole("ORGANISER", "ADMIN")
                        .pathMatchers("/api/merchant/**").hasRole("MERCHANT")
                        .pathMatchers("/api/dashboard/**").hasAnyRole("ORGANISER", "ADMIN", "MERCHANT")
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        // the scraper's own bearer token, not a user's (MetricsAccess)
                        .matchers(MetricsAccess.PATH).access(new MetricsAccess(metrics))
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        // the demo hall's looping live stream, present only in the local profile (DemoStreamController)
                        .pathMatchers(HttpMethod.GET, "/demo/stream/**").permitAll()
                        .anyExchange().permitAll())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .writer(new SecurityHeaders()))
                .oauth2ResourceServer(rs -> rs
                        // the metrics token is no JWT: leave it to MetricsAccess
                        .bearerTokenConverter(exchange -> MetricsAccess.PATH.matches(exchange)
                                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange)))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Spring Security's strict firewall, with the same rule for header values (assigned, no control characters) checked
     * without a regular expression when a value is printable ASCII: the default checked every bearer token (hundreds
     * of characters) with a regex on every request (profiled with infra/bench/courses). Other values go to the default.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(SecurityConfig::allowedHeaderValue);
        return firewall;
    }

    static boolean allowedHeaderValue(String value) {
        if (value == null) {
            return StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null); // a header that is not there
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value);
            }
        }
        return true;
    }

    private static String unauthenticatedDetail(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RevokedTokenException revoked) {
                return revoked.getMessage();
            }
        }
        return "请先登录（令牌缺失、无效或已过期）";
    }

    private static ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
