package io.livehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed in the test JVM (blockhound-junit-platform) and catches blocking on reactive threads. */
class BlockHoundTest {

    @Test
    void catchesABlockingCallOnANonBlockingThread() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            return 1;
        }).subscribeOn(Schedulers.parallel());
        StepVerifier.create(blocking)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void allowsTheSameCallOnTheBoundedElasticScheduler() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            return 1;
        }).subscribeOn(Schedulers.boundedElastic());
        StepVerifier.create(blocking).expectNext(1).verifyComplete();
    }
}
