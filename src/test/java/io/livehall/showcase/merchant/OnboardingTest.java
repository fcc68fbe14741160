package io.livehall.showcase.merchant;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Steps the onboarding tests share: organisers, rounds, uploads, applications and decisions over HTTP. */
abstract class OnboardingTest extends IntegrationTest {

    static final String PASSWORD = ShowcaseFixtures.PASSWORD;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF".getBytes();

    /** A document as sent in an application: {@code {"fileId":1,"kind":"BUSINESS_LICENSE"}}. */
    record Doc(long fileId, String kind) {
        String json() {
            return "{\"fileId\":%d,\"kind\":\"%s\"}".formatted(fileId, kind);
        }
    }

    /** The machine is shared: bcrypt and the first requests can take longer than WebTestClient's 5 s. */
    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    ShowcaseFixtures fixtures() {
        return new ShowcaseFixtures(http, db);
    }

    ShowcaseFixtures.Account enterpriseUser(String prefix) {
        return fixtures().enterpriseUser(prefix);
    }

    /** A logged-in user with the given roles and no enterprise. */
    ShowcaseFixtures.Account userWithRoles(String prefix, String... roles) {
        String username = uniqueName(prefix);
        registerAndLogin(username, PASSWORD);
        if (roles.length > 0) {
            grantRoles(username, roles);
        }
        long id = db.sql("select id from app_user where lower(username) = lower(:u)").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
        return new ShowcaseFixtures.Account(id, username, login(username, PASSWORD));
    }

    String organiserToken() {
        return userWithRoles("org", "VIEWER", "ORGANISER").token();
    }

    WebTestClient.ResponseSpec createRound(String token, String name, int quota, Instant opens, Instant closes) {
        return http.post().uri("/api/organiser/rounds").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"%s\",\"quota\":%d,\"opensAt\":\"%s\",\"closesAt\":\"%s\"}"
                        .formatted(name, quota, opens, closes))
                .exchange();
    }

    /** A round open from an hour ago for a week. */
    long openRound(String organiserToken, int quota) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return createRound(organiserToken, "第一批遴选", quota, now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS))
                .expectStatus().isCreated()
                .expectBody(Id.class).returnResult().getResponseBody().id();
    }

    long upload(String token, String purpose, byte[] bytes, String name) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("purpose", purpose);
        return http.post().uri("/api/files").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated()
                .expectBody(Id.class).returnResult().getResponseBody().id();
    }

    Doc licence(String token) {
        return new Doc(upload(token, "DOCUMENT", PDF, "营业执照.pdf"), "BUSINESS_LICENSE");
    }

    static String applicationJson(Long roundId, String phone, Doc... docs) {
        String documents = Arrays.stream(docs).map(Doc::json).collect(Collectors.joining(",", "[", "]"));
        return """
                {"roundId":%s,"contactName":"王经理","contactPhone":"%s","category":"FAMOUS_QUALITY",
                 "proposedProducts":"西凤酒 375ml；东裕茗茶 礼盒","documents":%s}"""
                .formatted(roundId, phone, documents);
    }

    WebTestClient.ResponseSpec apply(String token, String json) {
        return http.post().uri("/api/applications").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Applies with a business licence and answers the application id. */
    long applied(ShowcaseFixtures.Account applicant, long roundId) {
        return apply(applicant.token(), applicationJson(roundId, "13912345678", licence(applicant.token())))
                .expectStatus().isCreated()
                .expectBody(Id.class).returnResult().getResponseBody().id();
    }

    WebTestClient.ResponseSpec decide(String token, long applicationId, String decision, String reason) {
        String body = reason == null ? "{\"decision\":\"%s\"}".formatted(decision)
                : "{\"decision\":\"%s\",\"reason\":\"%s\"}".formatted(decision, reason);
        return http.post().uri("/api/organiser/applications/{id}/decision", applicationId)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A merchant onboarded through the API (approved, not yet accepted the agreements), its user logged in again. */
    Approved approvedMerchant(String prefix, String organiserToken) {
        long round = openRound(organiserToken, 20);
        ShowcaseFixtures.Account applicant = enterpriseUser(prefix);
        long application = applied(applicant, round);
        decide(organiserToken, application, "APPROVE", null).expectStatus().isOk();
        long merchantId = count("select id from merchant where application_id = :a", "a", application);
        return new Approved(new ShowcaseFixtures.Account(applicant.id(), applicant.username(),
                login(applicant.username(), PASSWORD)), merchantId);
    }

    record Approved(ShowcaseFixtures.Account user, long merchantId) {
    }

    long count(String sql, Object... params) {
        var spec = db.sql(sql);
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.bind((String) params[i], params[i + 1]);
        }
        return spec.map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    record Id(long id) {
    }
}
