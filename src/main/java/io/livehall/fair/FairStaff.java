package io.livehall.fair;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who runs fairs: an organiser runs the fairs they created or co-organise (someone else's answer 404, as if they did
 * not exist); an admin runs any. Built from the caller's token on {@code /api/organiser/**} (ORGANISER or ADMIN).
 */
public record FairStaff(long userId, boolean admin) {

    public static FairStaff of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new FairStaff(Long.parseLong(jwt.getSubject()), roles != null && roles.contains("ADMIN"));
    }
}
