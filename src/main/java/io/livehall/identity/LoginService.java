package io.livehall.identity;

import io.livehall.common.error.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Password login (rate-limited) and logout (token revocation). */
@Service
class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final TokenIssuer tokens;
    private final TokenRevocations revocations;

    LoginService(UserRepository users, PasswordHasher hasher, LoginRateLimiter limiter, TokenIssuer tokens,
                 TokenRevocations revocations) {
        this.users = users;
        this.hasher = hasher;
        this.limiter = limiter;
        this.tokens = tokens;
        this.revocations = revocations;
    }

    Mono<LoginResult> login(LoginRequest request, String address) {
        String username = request.username().strip();
        if (!Passwords.fitsBcrypt(request.password())) {
            // no account can have it (registration refuses it), and bcrypt would compare only its first 72 bytes
            return limiter.checkAllowed(username, address)
                    .then(limiter.recordFailure(username, address))
                    .then(Mono.error(badCredentials()));
        }
        return limiter.checkAllowed(username, address)
                .then(users.findByUsername(username).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(user -> hasher.matches(request.password(), user.map(User::passwordHash).orElse(null))
                        .flatMap(ok -> ok
                                ? limiter.recordSuccess(username).then(tokens.issue(user.orElseThrow()))
                                : limiter.recordFailure(username, address).then(Mono.error(badCredentials()))));
    }

    Mono<Void> logout(Jwt jwt) {
        return revocations.revoke(jwt);
    }

    private static ApiProblem badCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "bad-credentials", "用户名或密码错误");
    }
}
