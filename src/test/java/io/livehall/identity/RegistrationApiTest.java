package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RegistrationApiTest extends IntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void registersAViewerWithItsEnterprise() {
        String username = uniqueName("reg");
        String code = TestCreditCodes.next();
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username":"%s","password":"secret-123","displayName":"张三","phone":"13800138000",
                         "enterprise":{"name":"西安测试文创有限公司","creditCode":"%s","region":"陕西省西安市",
                                       "industry":"文创","size":"SMALL","tier":"LITTLE_GIANT"}}""".formatted(username, code))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.displayName").isEqualTo("张三")
                .jsonPath("$.roles[0]").isEqualTo("VIEWER")
                .jsonPath("$.roles.length()").isEqualTo(1)
                .jsonPath("$.enterprise.creditCode").isEqualTo(code)
                .jsonPath("$.enterprise.tier").isEqualTo("LITTLE_GIANT")
                .jsonPath("$.passwordHash").doesNotExist();
    }

    /** Issue 11 A4: bcrypt reads 72 bytes, so the limit is 72 UTF-8 bytes (30 Chinese characters gave 500). */
    @Test
    void measuresThePasswordInUtf8BytesAsBcryptReadsIt() {
        String longest = "陕".repeat(24); // 72 bytes
        String username = uniqueName("bytes");
        registerAndLogin(username, longest);
        for (String tooLong : java.util.List.of("陕".repeat(25), "陕".repeat(30), "😀".repeat(19), "x".repeat(73))) {
            register(uniqueName("bytes"), tooLong)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("password")
                    .jsonPath("$.errors[0].message").isEqualTo("密码不能超过 72 字节（约 24 个汉字）");
        }
        register(uniqueName("short"), "陕西12345")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("密码至少 8 位");
        // the minimum counts characters (an emoji is one), the maximum bytes
        registerAndLogin(uniqueName("emoji"), "😀".repeat(8));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec register(String username, String password) {
        return http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("username", username, "password", password, "displayName", "测试用户"))
                .exchange();
    }

    @Test
    void storesOnlyAPasswordHash() {
        String username = uniqueName("hash");
        registerAndLogin(username, "secret-123");
        String stored = db.sql("select password_hash from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("secret-123");
    }

    @Test
    void refusesATakenUsernameWhateverItsCase() {
        String username = uniqueName("dup");
        registerAndLogin(username, "secret-123");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"another-123\",\"displayName\":\"李四\"}"
                        .formatted(username.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/username-taken")
                .jsonPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void refusesATakenCreditCodeAndWritesNothing() {
        String code = TestCreditCodes.next();
        String first = uniqueName("ent1");
        String second = uniqueName("ent2");
        String body = """
                {"username":"%s","password":"secret-123","displayName":"王五",
                 "enterprise":{"name":"企业","creditCode":"%s","region":"宝鸡","industry":"白酒","size":"MEDIUM"}}""";
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.formatted(first, code)).exchange().expectStatus().isCreated();
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.formatted(second, code))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("enterprise.creditCode");
        assertThat(countUsers(second)).isZero();
    }

    @Test
    void rollsBackTheEnterpriseWhenTheUserCannotBeCreated() {
        String taken = uniqueName("taken");
        registerAndLogin(taken, "secret-123");
        String code = TestCreditCodes.next();
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username":"%s","password":"secret-123","displayName":"赵六",
                         "enterprise":{"name":"新企业","creditCode":"%s","region":"汉中","industry":"茶叶","size":"MICRO"}}"""
                        .formatted(taken, code))
                .exchange()
                .expectStatus().isEqualTo(409);
        Long enterprises = db.sql("select count(*) from enterprise where credit_code = :c").bind("c", code)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(enterprises).isZero();
    }

    @Test
    void listsEveryInvalidField() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username":"x","password":"short","displayName":"","phone":"12345",
                         "enterprise":{"name":"","creditCode":"91350100M000100Y44","region":"西安","industry":"文创"}}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().containsExactlyInAnyOrder(
                        "displayName", "enterprise.creditCode", "enterprise.name", "enterprise.size",
                        "password", "phone", "username"));
    }

    @Test
    void refusesMissingFields() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList()
                        .containsExactlyInAnyOrder("displayName", "password", "username"));
    }

    @Test
    void answersMalformedJsonWithAProblem() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/malformed-json");
    }

    @Test
    void refusesAnUnknownEnumValue() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username":"%s","password":"secret-123","displayName":"x",
                         "enterprise":{"name":"n","creditCode":"%s","region":"r","industry":"i","size":"HUGE"}}"""
                        .formatted(uniqueName("enum"), TestCreditCodes.next()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void refusesAHugeBodyWith413() {
        String huge = "{\"username\":\"" + "a".repeat(300_000) + "\"}";
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/payload-too-large");
    }

    private long countUsers(String username) {
        return db.sql("select count(*) from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
