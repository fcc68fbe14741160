package io.livehall.common.error;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests that Spring Security's {@code StrictServerWebExchangeFirewall} refuses ({@code ;}, {@code %2f},
 * {@code %25}, a backslash, {@code ..}, a non-printable character in the path, an unsafe header) answer a 400 problem
 * in Chinese instead of an empty 400. Spring Security's WebFlux configuration picks the one such bean up.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    static final String TYPE = "rejected-request";
    static final String DETAIL = "请求地址或请求头不合法";

    private static final Log log = LogFactory.getLog(FirewallRejections.class);

    private final ProblemWriter writer;

    FirewallRejections(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        log.debug("Firewall rejected " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(), ex);
        return writer.write(exchange, ApiProblem.problem(HttpStatus.BAD_REQUEST, TYPE, DETAIL));
    }
}
