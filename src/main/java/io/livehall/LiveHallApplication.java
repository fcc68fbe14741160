package io.livehall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LiveHallApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiveHallApplication.class, args);
    }
}
