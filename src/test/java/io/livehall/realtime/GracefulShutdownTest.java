package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.LiveHallApplication;
import io.livehall.realtime.RawStompClient.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** On shutdown every STOMP client is told "server restarting" and closed with 1012, so it reconnects elsewhere. */
class GracefulShutdownTest {

    @Test
    void tellsClientsToReconnectElsewhere() {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(LiveHallApplication.class)
                .properties("spring.jmx.enabled=false", "springdoc.pre-loading-enabled=false")
                .initializers(new OwnNettyResources())
                .run("--server.port=0"); // a command-line argument: application.yaml's ${PORT:8080} beats default properties
        int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "v", "destination", "/topic/live/shutdown/chat", "receipt", "r");
            client.expect("RECEIPT");
            instance.close();
            Frame error = client.expect("ERROR");
            assertThat(error.header("message")).isEqualTo("server restarting");
            assertThat(client.awaitClose()).isEqualTo(1012);
        } finally {
            instance.close();
        }
    }
}
