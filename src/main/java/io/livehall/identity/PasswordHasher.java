package io.livehall.identity;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The framework's delegating encoder (bcrypt by default). Hashing costs tens of milliseconds of CPU,
 * so it runs on the bounded-elastic scheduler, never on the event loop.
 */
@Component
class PasswordHasher {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** Compared against when the username is unknown, so that case takes as long as a wrong password. */
    private final String unknownUserHash = encoder.encode(java.util.UUID.randomUUID().toString());

    Mono<String> hash(String rawPassword) {
        return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(Schedulers.boundedElastic());
    }

    /** False for a password longer than bcrypt reads: a match of its first 72 bytes is no match. */
    Mono<Boolean> matches(String rawPassword, String hash) {
        String against = hash == null ? unknownUserHash : hash;
        return Mono.fromCallable(() -> encoder.matches(rawPassword, against) && hash != null
                        && Passwords.fitsBcrypt(rawPassword))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
