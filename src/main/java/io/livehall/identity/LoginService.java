package io.livehall.identity;

import java.util.Optional;

import io.livehall.common.error.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Password login (rate-limited, see {@link LoginRateLimiter}), logout (token revocation) and an admin's unlock. */
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
                    .flatMap(left -> Mono.error(badCredentials(left)));
        }
        return limiter.checkAllowed(username, address)
                .then(users.findByUsername(username).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(user -> hasher.matches(request.password(), user.map(User::passwordHash).orElse(null))
                        .flatMap(ok -> ok
                                ? limiter.recordSuccess(username, address).then(tokens.issue(user.orElseThrow()))
                                : limiter.recordFailure(username, address)
                                        .flatMap(left -> Mono.error(badCredentials(left)))));
    }

    Mono<Void> logout(Jwt jwt) {
        return revocations.revoke(jwt);
    }

    /** Clears the user's failed-login counters (all addresses and the username ceiling). */
    Mono<LoginUnlockResult> unlock(long userId) {
        return users.findById(userId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户")))
                .flatMap(user -> limiter.unlock(user.username()))
                .map(u -> new LoginUnlockResult(u.wasLocked(), u.failures()));
    }

    static ApiProblem badCredentials(LoginRateLimiter.Remaining left) {
        String detail = left.attempts() > 0
                ? "用户名或密码错误，还可尝试 " + left.attempts() + " 次"
                : "用户名或密码错误，尝试次数已用完，请 "
                        + LoginRateLimiter.minutes(Math.max(1, left.resetsIn().toSeconds())) + " 分钟后再试";
        ApiProblem problem = new ApiProblem(HttpStatus.UNAUTHORIZED, "bad-credentials", detail);
        problem.getBody().setProperty("remainingAttempts", left.attempts());
        if (left.attempts() == 0) {
            problem.getBody().setProperty("retryAfterSeconds", Math.max(1, (left.resetsIn().toMillis() + 999) / 1000));
        }
        return problem;
    }
}
