package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The personal centre (issue 12, Viewer 8): profile, password, enterprise add / join / approve. */
class ProfileApiTest extends IntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void editsDisplayNameAndPhoneAndClearsThePhone() {
        String token = registerAndLogin(uniqueName("prof"), "secret-123");
        patch(token, Map.of("displayName", "  王小明 ", "phone", "13912345678"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("王小明")
                .jsonPath("$.phone").isEqualTo("13912345678");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.displayName").isEqualTo("王小明");
        patch(token, Map.of("displayName", "王小明", "phone", ""))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.phone").doesNotExist();
    }

    @Test
    void refusesABadProfileWithChineseFieldErrors() {
        String token = registerAndLogin(uniqueName("prof"), "secret-123");
        patch(token, Map.of("displayName", " ", "phone", "12345"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'displayName')].message").isEqualTo("请填写姓名或昵称")
                .jsonPath("$.errors[?(@.field == 'phone')].message").isEqualTo("请填写有效的手机号（11 位，1 开头）")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java", "Exception"));
        patch(token, Map.of("displayName", "名".repeat(41)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("姓名不能超过 40 个字");
        patch(token, Map.of("displayName", "<script>x</script>\u0000"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");
        http.patch().uri("/api/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "匿名")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void changingThePasswordEndsOtherSessionsAndGivesThisTabAFreshToken() {
        String username = uniqueName("pw");
        String token = registerAndLogin(username, "secret-123");
        String otherDevice = login(username, "secret-123");

        String fresh = http.post().uri("/api/me/password").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "secret-123", "newPassword", "new-secret-456"))
                .exchange().expectStatus().isOk()
                .expectBody(LoginBody.class).returnResult().getResponseBody().accessToken();

        me(otherDevice).expectStatus().isUnauthorized();
        me(token).expectStatus().isUnauthorized();
        me(fresh).expectStatus().isOk();
        login(username, "new-secret-456");
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "secret-123"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAWrongCurrentPasswordAWeakNewOneAndTheSameOne() {
        String username = uniqueName("pw");
        String token = registerAndLogin(username, "secret-123");
        changePassword(token, "wrong-pass-1", "new-secret-456")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("currentPassword")
                .jsonPath("$.errors[0].message").isEqualTo("当前密码不正确");
        changePassword(token, "secret-123", "short")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("newPassword")
                .jsonPath("$.errors[0].message").isEqualTo("密码至少 8 位");
        changePassword(token, "secret-123", "secret-123")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("新密码不能与当前密码相同");
        changePassword(token, "", "")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        me(token).expectStatus().isOk(); // nothing changed
        login(username, "secret-123");
    }

    @Test
    void anIndividualAccountAddsANewEnterpriseAndBecomesItsApprover() {
        String token = registerAndLogin(uniqueName("ent"), "secret-123");
        String code = TestCreditCodes.next();
        addEnterprise(token, code)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.enterprise.creditCode").isEqualTo(code)
                .jsonPath("$.enterprise.name").isEqualTo("西安个人中心测试有限公司");
        http.get().uri("/api/me/enterprise/join-requests").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.approver").isEqualTo(true).jsonPath("$.pending.length()").isEqualTo(0);
        // a second enterprise is refused
        addEnterprise(token, TestCreditCodes.next())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("您的账号已关联企业");
    }

    @Test
    void refusesABadCreditCodeAndPointsAnExistingEnterpriseToAJoinRequest() {
        String owner = registerAndLogin(uniqueName("own"), "secret-123");
        String code = TestCreditCodes.next();
        addEnterprise(owner, code).expectStatus().isCreated();

        String other = registerAndLogin(uniqueName("ind"), "secret-123");
        String badCode = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        addEnterprise(other, badCode)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
        addEnterprise(other, code)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/enterprise-exists")
                .jsonPath("$.enterpriseName").isEqualTo("西安个人中心测试有限公司");
        requestToJoin(other, TestCreditCodes.next())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
        requestToJoin(other, "123")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
    }

    @Test
    void theFirstAccountApprovesAJoinRequestAndTheRequesterIsTold() {
        String ownerName = uniqueName("own");
        String owner = registerAndLogin(ownerName, "secret-123");
        String code = TestCreditCodes.next();
        addEnterprise(owner, code).expectStatus().isCreated();
        long ownerId = idOf(ownerName);

        String requesterName = uniqueName("req");
        String requester = registerAndLogin(requesterName, "secret-123");
        long requesterId = idOf(requesterName);
        long requestId = joinRequestId(requester, code);
        // a duplicate, or registering the enterprise meanwhile, is refused
        requestToJoin(requester, code).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/join-request-pending");
        addEnterprise(requester, TestCreditCodes.next()).expectStatus().isEqualTo(409);
        assertThat(notifications(ownerId, "enterprise-join-request")).isEqualTo(1);

        http.get().uri("/api/me/enterprise/join-requests").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.approver").isEqualTo(true)
                .jsonPath("$.pending[0].id").isEqualTo(requestId)
                .jsonPath("$.pending[0].username").isEqualTo(requesterName);
        // the requester cannot approve themselves
        decide(requester, requestId, "approve").expectStatus().isNotFound();

        decide(owner, requestId, "approve").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        me(requester).expectStatus().isOk().expectBody().jsonPath("$.enterprise.creditCode").isEqualTo(code);
        assertThat(notifications(requesterId, "enterprise-join-approved")).isEqualTo(1);
        // decided once only
        decide(owner, requestId, "reject").expectStatus().isEqualTo(409);
        // the new member is not the approver
        http.get().uri("/api/me/enterprise/join-requests").headers(h -> h.setBearerAuth(requester)).exchange()
                .expectBody().jsonPath("$.approver").isEqualTo(false);
    }

    @Test
    void rejectionCancellationAndOtherUsersRequests() {
        String owner = registerAndLogin(uniqueName("own"), "secret-123");
        String code = TestCreditCodes.next();
        addEnterprise(owner, code).expectStatus().isCreated();
        String otherOwner = registerAndLogin(uniqueName("own2"), "secret-123");
        addEnterprise(otherOwner, TestCreditCodes.next()).expectStatus().isCreated();

        String requesterName = uniqueName("req");
        String requester = registerAndLogin(requesterName, "secret-123");
        long first = joinRequestId(requester, code);
        // another enterprise's approver, and another individual, see no such request
        decide(otherOwner, first, "approve").expectStatus().isNotFound();
        String stranger = registerAndLogin(uniqueName("str"), "secret-123");
        http.delete().uri("/api/me/enterprise-join-requests/" + first).headers(h -> h.setBearerAuth(stranger))
                .exchange().expectStatus().isNotFound();

        decide(owner, first, "reject").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        assertThat(notifications(idOf(requesterName), "enterprise-join-rejected")).isEqualTo(1);
        me(requester).expectBody().jsonPath("$.enterprise").doesNotExist();

        // asks again, then withdraws
        long second = joinRequestId(requester, code);
        http.delete().uri("/api/me/enterprise-join-requests/" + second).headers(h -> h.setBearerAuth(requester))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        decide(owner, second, "approve").expectStatus().isEqualTo(409);
        http.get().uri("/api/me/enterprise-join-requests").headers(h -> h.setBearerAuth(requester)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].status").isEqualTo("CANCELLED")
                .jsonPath("$[1].status").isEqualTo("REJECTED");
        decide(owner, 999_999_999L, "approve").expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec patch(String token, Map<String, String> body) {
        return http.patch().uri("/api/me").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec changePassword(String token, String current, String next) {
        return http.post().uri("/api/me/password").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next)).exchange();
    }

    private WebTestClient.ResponseSpec addEnterprise(String token, String code) {
        return http.post().uri("/api/me/enterprise").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name":"西安个人中心测试有限公司","creditCode":"%s","region":"陕西省西安市",
                         "industry":"文创","size":"SMALL"}""".formatted(code))
                .exchange();
    }

    private WebTestClient.ResponseSpec requestToJoin(String token, String code) {
        return http.post().uri("/api/me/enterprise-join-requests").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("creditCode", code)).exchange();
    }

    private long joinRequestId(String token, String code) {
        return requestToJoin(token, code).expectStatus().isCreated()
                .expectBody(IdBody.class).returnResult().getResponseBody().id();
    }

    private WebTestClient.ResponseSpec decide(String token, long id, String action) {
        return http.post().uri("/api/me/enterprise/join-requests/" + id + "/" + action)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private long idOf(String username) {
        return db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** Notifications of this type queued (outbox) for the user's /user/queue/notifications. */
    private long notifications(long userId, String type) {
        return db.sql("""
                        select count(*) from outbox_event where kind = 'user-message'
                        and payload->>'userId' = :user and payload->'payload'->>'type' = :type""")
                .bind("user", Long.toString(userId)).bind("type", type)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private record IdBody(long id) {
    }
}
