package io.livehall.common.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 A5: malformed requests answer problem+json with a Chinese {@code detail} (and Chinese field messages)
 * that names no Java class, package, method signature or stack frame. Before, an empty body to login answered
 * "No request body for: reactor.core.publisher.Mono&lt;…&gt; io.livehall.identity.AuthController.login(…)", an unknown
 * enum named the enum class, 405/406/415 and missing parts answered Spring's English, broken multipart gave 500,
 * and firewall rejections an empty 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorTextsTest extends IntegrationTest {

    private static final List<Pattern> LEAKS = List.of(Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]"),
            Pattern.compile("Exception"), Pattern.compile("java\\."), Pattern.compile("org\\.springframework"),
            Pattern.compile("\\bat [a-z]+\\."), Pattern.compile("Type mismatch|Supported methods|not supported|"
                    + "Required request|Failed to read|No static resource|No request body|Acceptable representations"),
            Pattern.compile("Unexpected|Cannot |deseriali|end-of-input|token"));
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ProblemExceptionHandler handler;

    private String viewer;
    private String merchant;
    private String admin;

    @BeforeAll
    void accounts() {
        viewer = registerAndLogin(uniqueName("texts"), "secret-123");
        String m = uniqueName("texts");
        registerAndLogin(m, "secret-123");
        grantRoles(m, "VIEWER", "MERCHANT");
        merchant = login(m, "secret-123");
        String a = uniqueName("texts");
        registerAndLogin(a, "secret-123");
        grantRoles(a, "VIEWER", "ADMIN");
        admin = login(a, "secret-123");
    }

    /** One malformed request: what it does wrong, who sends it, and the status it must get. */
    record Case(String what, int status, String field, Function<WebTestClient, WebTestClient.ResponseSpec> send) {
        @Override
        public String toString() {
            return what;
        }
    }

    Stream<Arguments> malformedRequests() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty body to login", 400, null, c -> c.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).exchange()));
        cases.add(new Case("wrong JSON type", 400, "username", c -> c.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":[\"a\"],\"password\":\"x\"}").exchange()));
        cases.add(new Case("JSON object where a record is expected", 400, "enterprise", c -> c.post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"abcd\",\"password\":\"secret-123\",\"displayName\":\"x\",\"enterprise\":5}").exchange()));
        cases.add(new Case("broken JSON", 400, null, c -> c.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":").exchange()));
        cases.add(new Case("unknown enum value", 400, "enterprise.size", c -> c.post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"username":"abcd","password":"secret-123","displayName":"x",
                         "enterprise":{"name":"n","creditCode":"x","region":"r","industry":"i","size":"HUGE"}}""").exchange()));
        cases.add(new Case("unknown enum value in a list", 400, "roles[0]", c -> c.put().uri("/api/admin/users/1/roles")
                .headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"GOD\"]}").exchange()));
        cases.add(new Case("path variable of the wrong type", 400, "id", c -> c.get().uri("/api/products/abc").exchange()));
        cases.add(new Case("number parameter of the wrong type", 400, "minPrice", c -> c.get().uri("/api/products?minPrice=abc").exchange()));
        cases.add(new Case("unknown enum parameter", 400, "category", c -> c.get().uri("/api/products?category=FOO").exchange()));
        cases.add(new Case("time parameter of the wrong type", 400, "from", c -> c.get()
                .uri("/api/merchant/orders/export.csv?from=yesterday").headers(h -> h.setBearerAuth(merchant)).exchange()));
        cases.add(new Case("wrong method", 405, null, c -> c.patch().uri("/api/orders/1")
                .headers(h -> h.setBearerAuth(viewer)).exchange()));
        cases.add(new Case("wrong content type", 415, null, c -> c.post().uri("/api/auth/login")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange()));
        cases.add(new Case("unacceptable accept", 406, null, c -> c.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
                .bodyValue("{\"username\":\"a\",\"password\":\"b\"}").exchange()));
        cases.add(new Case("JSON to the upload", 415, null, c -> c.post().uri("/api/files")
                .headers(h -> h.setBearerAuth(viewer)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()));
        cases.add(new Case("missing multipart part", 400, "file", c -> c.post().uri("/api/files")
                .headers(h -> h.setBearerAuth(viewer)).contentType(MediaType.parseMediaType("multipart/form-data; boundary=b1"))
                .bodyValue(part("b1", "purpose", "IMAGE") + "--b1--\r\n").exchange()));
        cases.add(new Case("multipart with a boundary the body lacks", 400, null, c -> c.post().uri("/api/files")
                .headers(h -> h.setBearerAuth(viewer)).contentType(MediaType.parseMediaType("multipart/form-data; boundary=zzz"))
                .bodyValue(part("yyy", "purpose", "IMAGE") + "--yyy--\r\n").exchange()));
        cases.add(new Case("multipart without a boundary", 400, null, c -> c.post().uri("/api/files")
                .headers(h -> h.setBearerAuth(viewer)).contentType(MediaType.MULTIPART_FORM_DATA).bodyValue("x").exchange()));
        cases.add(new Case("multipart cut short", 400, null, c -> c.post().uri("/api/files")
                .headers(h -> h.setBearerAuth(viewer)).contentType(MediaType.parseMediaType("multipart/form-data; boundary=b2"))
                .bodyValue("--b2\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nIMAGE").exchange()));
        cases.add(new Case("missing static file", 404, null, c -> c.get().uri("/nope.js").exchange()));
        cases.add(new Case("unknown API route", 404, null, c -> c.get().uri("/api/nothing-here")
                .headers(h -> h.setBearerAuth(viewer)).exchange()));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void answersMalformedRequestsInChineseWithoutInternals(Case c) {
        byte[] body = c.send().apply(http).expectStatus().isEqualTo(c.status())
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = assertChineseWithoutInternals(new String(body, StandardCharsets.UTF_8));
        if (c.field() != null) {
            assertThat(problem.path("errors").findValuesAsString("field")).contains(c.field());
        }
    }

    static Stream<String> firewallTargets() {
        return Stream.of("//api/products", "/api/products;jsessionid=1", "/api/a%2fb", "/api/a%2Fb", "/api/%25", "/api/a%5cb",
                "/api/a\\b", "/api/products%00", "/api/products%0a", "/api/../actuator", "/api/%2e%2e/x", "/api/products?q=%zz");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firewallTargets")
    void answersFirewallRejectionsWithAProblem(String target) throws IOException {
        String response = rawGet(target);
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).startsWith("http/1.1 4").contains("content-type: application/problem+json");
        assertChineseWithoutInternals(response.substring(response.indexOf("\r\n\r\n") + 4));
        if (!target.startsWith("//")) { // "//" is no firewall matter: it is an unknown route (404)
            assertThat(head).startsWith("http/1.1 400");
        }
    }

    /** The last line of defence: PostgreSQL's refusal of NUL (22021) is a 400, not a 500. */
    @Test
    void mapsPostgresRefusingATextTo400() {
        Throwable refused = catchThrowable(() -> db.sql("select cast(:t as text) as t").bind("t", "a\u0000b")
                .map(row -> row.get("t", String.class)).one().block());
        assertThat(refused).isNotNull();
        ProblemDetail problem = handler.toProblem(refused);
        assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(problem.getType().toString()).endsWith("/unstorable-text");
        assertThat(problem.getDetail()).containsPattern(CHINESE);
    }

    private static JsonNode assertChineseWithoutInternals(String body) {
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(body).find()).as("%s leaks %s", body, leak).isFalse();
        }
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("detail").asString()).as(body).containsPattern(CHINESE);
        for (JsonNode error : problem.path("errors")) {
            assertThat(error.path("message").asString()).as(body).containsPattern(CHINESE);
        }
        return problem;
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** A GET written byte for byte: HTTP clients normalise or refuse the targets the firewall is there for. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
