package io.livehall.training;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who runs trainings: an organiser touches only the series they created (someone else's answer 404, as if they did
 * not exist); an admin touches any. Built from the caller's token on {@code /api/organiser/**} (role ORGANISER or ADMIN).
 */
public record TrainingStaff(long userId, boolean admin) {

    public static TrainingStaff of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new TrainingStaff(Long.parseLong(jwt.getSubject()), roles != null && roles.contains("ADMIN"));
    }

    /** Whether this person runs the series of that organiser. */
    public boolean runs(long organiserId) {
        return admin || organiserId == userId;
    }
}
