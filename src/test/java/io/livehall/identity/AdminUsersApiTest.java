package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AdminUsersApiTest extends IntegrationTest {

    private String adminToken;

    @BeforeEach
    void admin() {
        String admin = uniqueName("admin");
        registerAndLogin(admin, "secret-123");
        grantRoles(admin, "ADMIN");
        adminToken = login(admin, "secret-123");
    }

    @Test
    void viewersMayNotListUsers() {
        String viewer = registerAndLogin(uniqueName("viewer"), "secret-123");
        http.get().uri("/api/admin/users").headers(h -> h.setBearerAuth(viewer))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void anonymousMayNotListUsers() {
        http.get().uri("/api/admin/users").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsUsersNewestFirstInKeysetPages() {
        String tag = uniqueName("page");
        for (int i = 0; i < 3; i++) {
            registerAndLogin(tag + "-" + i, "secret-123");
        }
        Page first = page("/api/admin/users?q=" + tag + "&limit=2");
        assertThat(first.items()).extracting(UserItem::username).containsExactly(tag + "-2", tag + "-1");
        assertThat(first.next()).isNotNull();
        Page second = page("/api/admin/users?q=" + tag + "&limit=2&after=" + first.next());
        assertThat(second.items()).extracting(UserItem::username).containsExactly(tag + "-0");
        assertThat(second.next()).isNull();
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        assertThat(page("/api/admin/users?q=%25%25no-such%25").items()).isEmpty();
    }

    @Test
    void changingRolesAppliesAtOnceAndEndsOldTokens() {
        String username = uniqueName("promote");
        String oldToken = registerAndLogin(username, "secret-123");
        long id = page("/api/admin/users?q=" + username).items().get(0).id();

        http.put().uri("/api/admin/users/{id}/roles", id).headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"MERCHANT\",\"VIEWER\"]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").value(r -> assertThat(r).asList().containsExactly("VIEWER", "MERCHANT"));

        http.get().uri("/api/me").headers(h -> h.setBearerAuth(oldToken))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("账号权限已变更，请重新登录");
        String newToken = login(username, "secret-123");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(newToken))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.roles.length()").isEqualTo(2);
    }

    @Test
    void aTemporaryPasswordReplacesTheForgottenOneAndEndsOldTokens() {
        String username = uniqueName("forgot");
        String oldToken = registerAndLogin(username, "secret-123");
        long id = page("/api/admin/users?q=" + username).items().get(0).id();

        Temporary temporary = http.post().uri("/api/admin/users/{id}/temporary-password", id)
                .headers(h -> h.setBearerAuth(adminToken))
                .exchange().expectStatus().isOk()
                .expectBody(Temporary.class).returnResult().getResponseBody();
        assertThat(temporary.userId()).isEqualTo(id);
        assertThat(temporary.username()).isEqualTo(username);
        assertThat(temporary.password()).matches("[a-km-zA-HJ-NP-Z2-9]{12}");

        http.get().uri("/api/me").headers(h -> h.setBearerAuth(oldToken)).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("username", username, "password", "secret-123"))
                .exchange().expectStatus().isUnauthorized();
        String newToken = login(username, temporary.password());
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(newToken)).exchange().expectStatus().isOk();
    }

    @Test
    void onlyAdminsSetTemporaryPasswordsAndNotForThemselves() {
        String viewer = registerAndLogin(uniqueName("nosy"), "secret-123");
        long victim = page("/api/admin/users?limit=1").items().get(0).id();
        http.post().uri("/api/admin/users/{id}/temporary-password", victim).headers(h -> h.setBearerAuth(viewer))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/admin/users/{id}/temporary-password", victim).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/admin/users/{id}/temporary-password", Long.MAX_VALUE).headers(h -> h.setBearerAuth(adminToken))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        long self = http.get().uri("/api/me").headers(h -> h.setBearerAuth(adminToken)).exchange()
                .expectBody(UserItem.class).returnResult().getResponseBody().id();
        http.post().uri("/api/admin/users/{id}/temporary-password", self).headers(h -> h.setBearerAuth(adminToken))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("不能为自己设置临时密码，请在个人中心修改密码");
    }

    @Test
    void refusesEmptyOrUnknownRoles() {
        http.put().uri("/api/admin/users/{id}/roles", 1).headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
        http.put().uri("/api/admin/users/{id}/roles", 1).headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"KING\"]}")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void answers404ForAnUnknownUser() {
        http.put().uri("/api/admin/users/{id}/roles", Long.MAX_VALUE).headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"VIEWER\"]}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    private Page page(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(adminToken))
                .exchange().expectStatus().isOk()
                .expectBody(Page.class).returnResult().getResponseBody();
    }

    record UserItem(long id, String username) {
    }

    record Temporary(long userId, String username, String password) {
    }

    record Page(List<UserItem> items, String next) {
    }
}
