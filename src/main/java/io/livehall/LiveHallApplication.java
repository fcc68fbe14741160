package io.livehall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Settings are {@code @ConfigurationProperties} records next to the code that uses them (found by the scan). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiveHallApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiveHallApplication.class, args);
    }
}
