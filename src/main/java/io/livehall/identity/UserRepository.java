package io.livehall.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.livehall.common.paging.PageRequest;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class UserRepository {

    private static final String SELECT = """
            select u.id, u.username, u.password_hash, u.display_name, u.phone, u.roles, u.created_at, u.token_version,
                   e.id as e_id, e.name as e_name, e.credit_code as e_credit_code, e.region as e_region,
                   e.industry as e_industry, e.size as e_size, e.tier as e_tier, e.created_at as e_created_at
            from app_user u left join enterprise e on e.id = u.enterprise_id
            """;

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(String username, String passwordHash, String displayName, String phone,
                      Set<Role> roles, Long enterpriseId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into app_user (username, password_hash, display_name, phone, roles, enterprise_id)
                        values (:username, :hash, :displayName, :phone, :roles, :enterpriseId)
                        returning id""")
                .bind("username", username)
                .bind("hash", passwordHash)
                .bind("displayName", displayName)
                .bind("roles", toArray(roles));
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        spec = enterpriseId == null ? spec.bindNull("enterpriseId", Long.class) : spec.bind("enterpriseId", enterpriseId);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<User> findById(long id) {
        return db.sql(SELECT + " where u.id = :id").bind("id", id).map(UserRepository::map).one();
    }

    Mono<User> findByUsername(String username) {
        return db.sql(SELECT + " where lower(u.username) = lower(:username)")
                .bind("username", username).map(UserRepository::map).one();
    }

    /** Newest first; {@code query} matches username or display name (trigram index). */
    Flux<User> list(String query, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (page.afterId() != null) {
            sql.append(" and u.id < :after");
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (u.username || ' ' || u.display_name) ilike :pattern");
        }
        sql.append(" order by u.id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", page.limit() + 1);
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        if (query != null && !query.isBlank()) {
            spec = spec.bind("pattern", "%" + escapeLike(query.strip()) + "%");
        }
        return spec.map(UserRepository::map).all();
    }

    Mono<Long> updateRoles(long id, Set<Role> roles) {
        return db.sql("update app_user set roles = :roles, updated_at = now() where id = :id")
                .bind("roles", toArray(roles)).bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Adds one role; answers the rows matched (0 if the user does not exist). */
    Mono<Long> addRole(long id, Role role) {
        return db.sql("""
                        update app_user set roles = case when cast(:role as text) = any(roles) then roles
                                                 else array_append(roles, cast(:role as text)) end,
                                            updated_at = now()
                        where id = :id""")
                .bind("role", role.name()).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> updatePassword(long id, String passwordHash) {
        return db.sql("update app_user set password_hash = :hash, updated_at = now() where id = :id")
                .bind("hash", passwordHash).bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Display name and phone (null clears it); answers the rows matched. */
    Mono<Long> updateProfile(long id, String displayName, String phone) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "update app_user set display_name = :name, phone = :phone, updated_at = now() where id = :id")
                .bind("name", displayName).bind("id", id);
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        return spec.fetch().rowsUpdated();
    }

    /** Links the user to an enterprise only if they have none; answers the rows changed (0: already linked). */
    Mono<Long> joinEnterprise(long id, long enterpriseId) {
        return db.sql("""
                        update app_user set enterprise_id = :enterprise, updated_at = now()
                        where id = :id and enterprise_id is null""")
                .bind("enterprise", enterpriseId).bind("id", id)
                .fetch().rowsUpdated();
    }

    /** The enterprise's first account (its earliest member): the one who approves requests to join it. */
    Mono<Long> firstMemberOf(long enterpriseId) {
        return db.sql("select min(id) as id from app_user where enterprise_id = :enterprise")
                .bind("enterprise", enterpriseId)
                .map(row -> java.util.Optional.ofNullable(row.get("id", Long.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    private static String[] toArray(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static User map(Readable row) {
        String[] roles = row.get("roles", String[].class);
        Set<Role> roleSet = roles == null || roles.length == 0 ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(row.get("id", Long.class),
                row.get("username", String.class),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                row.get("phone", String.class),
                roleSet,
                EnterpriseRepository.map(row, "e_"),
                row.get("created_at", Instant.class),
                row.get("token_version", Long.class));
    }
}
