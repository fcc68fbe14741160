package io.livehall.identity;

import org.springframework.context.ApplicationContext;

/**
 * Mints access tokens for users written straight into the database, with the application's own
 * {@link TokenIssuer} (tests that need hundreds of logged-in users without hashing hundreds of passwords).
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String mint(ApplicationContext context, long userId) {
        UserRepository users = context.getBean(UserRepository.class);
        TokenIssuer issuer = context.getBean(TokenIssuer.class);
        return users.findById(userId).flatMap(issuer::issue).map(LoginResult::accessToken).block();
    }
}
