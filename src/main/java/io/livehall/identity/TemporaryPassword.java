package io.livehall.identity;

/**
 * A password an admin set for a user who forgot theirs (there is no self-service reset: no SMS or e-mail). Shown to
 * the admin once, never stored in clear; the admin hands it over in person or by phone.
 *
 * @param userId   the user
 * @param username the user's login name
 * @param password the temporary password (12 characters without look-alikes such as 0/O, 1/l/I)
 */
record TemporaryPassword(long userId, String username, String password) {
}
