package io.livehall.showcase.order;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.livehall.IntegrationTest;
import io.livehall.LiveHallApplication;
import io.livehall.OwnNettyResources;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Base of the order tests: the whole app (real PostgreSQL and Redis) with fast sweepers, plus helpers to fire
 * many concurrent requests and to start a second instance.
 */
@TestPropertySource(properties = {"livehall.orders.sweep-every=200ms", "livehall.orders.settle-every=200ms",
        "livehall.orders.max-attempts-per-window=40"})
abstract class OrderTest extends IntegrationTest {

    @Autowired
    protected ApplicationContext context;

    protected OrderFixtures fx;

    @BeforeEach
    void fixtures() {
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        fx = new OrderFixtures(http, db, context);
    }

    /** An answer to one of many concurrent requests. */
    record Answer(int status, String body) {
        long orderId() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    record Call(int port, String token, String key, String body) {
    }

    /** Fires all calls at once (each its own connection-pool slot) and answers in completion order. */
    static List<Answer> fire(List<Call> calls) {
        ConnectionProvider pool = ConnectionProvider.builder("order-test").maxConnections(calls.size())
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        Flux.fromIterable(calls)
                .flatMap(c -> client.post().uri("http://127.0.0.1:" + c.port() + "/api/orders")
                        .header("Authorization", "Bearer " + c.token()).header("Idempotency-Key", c.key())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(c.body())
                        .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                                .map(b -> new Answer(r.statusCode().value(), b))), calls.size())
                .doOnNext(answers::add)
                .then().block(java.time.Duration.ofMinutes(3));
        pool.dispose();
        return List.copyOf(answers);
    }

    static ConfigurableApplicationContext secondInstance(String... properties) {
        String[] all = new String[properties.length + 4];
        all[0] = "spring.jmx.enabled=false";
        all[1] = "management.server.port=";
        all[2] = "springdoc.pre-loading-enabled=false";
        all[3] = "livehall.orders.max-attempts-per-window=40";
        System.arraycopy(properties, 0, all, 4, properties.length);
        return new SpringApplicationBuilder(LiveHallApplication.class, OwnNettyResources.class).properties(all).run("--server.port=0");
    }

    static int portOf(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    protected long count(String sql, Object... binds) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < binds.length; i += 2) {
            map.put((String) binds[i], binds[i + 1]);
        }
        return fx.count(sql, map);
    }

    static <T> T blockOn(Mono<T> mono) {
        return mono.block(java.time.Duration.ofSeconds(30));
    }
}
