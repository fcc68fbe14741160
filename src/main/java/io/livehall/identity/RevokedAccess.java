package io.livehall.identity;

/**
 * Tokens that stopped being valid, as announced by {@link TokenRevocationEvents}: either one token (logout) or every
 * token of a user issued before their rights changed (role change, merchant approval, sessions ended by an admin).
 *
 * @param userId  whose tokens (the tokens' {@code sub})
 * @param jti     the one revoked token's id ({@code jti} claim), or {@code null} when the event is about versions
 * @param version with {@code jti}: the version that token carries; without: the user's new token version, and every
 *                token of the user whose {@code ver} claim is smaller is revoked
 */
public record RevokedAccess(long userId, String jti, long version) {

    /** The claim that carries a token's version (a number; tokens without it count as version 0). */
    public static final String VERSION_CLAIM = "ver";

    /** Whether this event revokes a token with these claims ({@code sub}, {@code jti}, {@code ver}). */
    public boolean revokes(long tokenUserId, String tokenJti, long tokenVersion) {
        if (tokenUserId != userId) {
            return false;
        }
        return jti != null ? jti.equals(tokenJti) : tokenVersion < version;
    }
}
