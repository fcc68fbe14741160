package io.livehall.identity;

import java.time.Instant;
import java.util.List;

/** What the API shows of a user. */
public record UserView(long id, String username, String displayName, String phone, List<Role> roles,
                       Enterprise enterprise, Instant createdAt) {
}
