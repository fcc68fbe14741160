package io.livehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.livehall.identity.TestCreditCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 A3: a NUL, a C1 control, a bidi override and a lone surrogate (sent as the JSON escape {@code \ud800})
 * in every text field of every request body, and NUL, DEL, C1 and a bidi override in every free-text query
 * parameter, answer 400 problem+json naming the field, and nothing is stored. Before the rules, NUL gave 500
 * (PostgreSQL refuses it) and the others were stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadTextSweepTest extends IntegrationTest {

    /** What replaces {@code BAD} in a body: JSON escapes, so the request itself is valid JSON. */
    private static final List<String> JSON_BAD = List.of("\\u0000", "\\u0085", "\\u202e", "\\ud800");
    /** The same in a query string (a lone surrogate has no UTF-8 form to send there). */
    private static final List<String> QUERY_BAD = List.of("%00", "%7F", "%C2%85", "%E2%80%AE");
    private static final String BAD = "@@BAD@@";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void accounts() {
        for (String role : List.of("VIEWER", "MERCHANT", "ORGANISER", "ADMIN")) {
            String username = uniqueName("sweep");
            registerAndLogin(username, "secret-123");
            grantRoles(username, "VIEWER", role);
            tokens.put(role, login(username, "secret-123"));
        }
    }

    /** One text field of one endpoint: who calls, the body (with {@code BAD} where the text goes), the tables it writes. */
    record Field(String role, HttpMethod method, String uri, String field, Object body, List<String> tables) {
        @Override
        public String toString() {
            return method + " " + uri + " " + field;
        }
    }

    static Stream<Arguments> bodyFields() {
        String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        String later = Instant.now().plus(9, ChronoUnit.DAYS).toString();
        List<Field> fields = new ArrayList<>();
        // anyone
        fields.add(new Field(null, HttpMethod.POST, "/api/auth/login", "username",
                Map.of("username", BAD, "password", "secret-123"), List.of()));
        for (String f : List.of("username", "password", "displayName", "phone")) {
            fields.add(new Field(null, HttpMethod.POST, "/api/auth/register", f, registration(f, null), List.of("app_user", "enterprise")));
        }
        for (String f : List.of("name", "creditCode", "region", "industry")) {
            fields.add(new Field(null, HttpMethod.POST, "/api/auth/register", "enterprise." + f, registration(null, f),
                    List.of("app_user", "enterprise")));
        }
        // buyers
        for (String f : List.of("name", "phone", "address")) {
            fields.add(new Field("VIEWER", HttpMethod.POST, "/api/orders", "recipient." + f,
                    Map.of("productId", 1, "quantity", 1, "recipient", recipient(f)), List.of("customer_order")));
            fields.add(new Field("VIEWER", HttpMethod.POST, "/api/quotes/1/accept", "recipient." + f,
                    Map.of("recipient", recipient(f)), List.of("customer_order", "quote_request")));
        }
        fields.add(new Field("VIEWER", HttpMethod.POST, "/api/quotes", "note",
                Map.of("productId", 1, "quantity", 10, "note", BAD), List.of("quote_request")));
        for (String f : List.of("contactName", "contactPhone", "proposedProducts")) {
            Map<String, Object> application = new LinkedHashMap<>(Map.of("roundId", 1, "contactName", "联系人",
                    "contactPhone", "13800000000", "category", "FAMOUS_QUALITY", "proposedProducts", "茶叶",
                    "documents", List.of(Map.of("fileId", 1, "kind", "BUSINESS_LICENSE"))));
            application.put(f, BAD);
            fields.add(new Field("VIEWER", HttpMethod.POST, "/api/applications", f, application, List.of("merchant_application")));
            fields.add(new Field("VIEWER", HttpMethod.PUT, "/api/applications/1", f, application, List.of("merchant_application")));
        }
        // merchants
        for (String f : List.of("name", "region", "description")) {
            Map<String, Object> product = new LinkedHashMap<>(Map.of("name", "东裕绿茶", "category", "FAMOUS_QUALITY",
                    "region", "西安市", "description", "好茶", "priceFen", 100, "stock", 1, "version", 0));
            product.put(f, BAD);
            fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/products", f, product, List.of("product")));
            fields.add(new Field("MERCHANT", HttpMethod.PUT, "/api/merchant/products/1", f, product, List.of("product")));
        }
        for (String f : List.of("title", "streamUrl")) {
            Map<String, Object> session = new LinkedHashMap<>(Map.of("title", "新茶品鉴", "startsAt", future,
                    "streamUrl", "https://live.example.com/a.m3u8", "productIds", List.of(1)));
            session.put(f, f.equals("streamUrl") ? "https://live.example.com/" + BAD : BAD);
            fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/live-sessions", f, session, List.of("live_session")));
            fields.add(new Field("MERCHANT", HttpMethod.PUT, "/api/merchant/live-sessions/1", f, session, List.of("live_session")));
        }
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/orders/1/confirm-payment", "reference",
                Map.of("reference", BAD), List.of("customer_order")));
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/orders/1/ship", "carrier",
                Map.of("carrier", BAD, "trackingNo", "SF1000000123"), List.of("customer_order")));
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/orders/1/ship", "trackingNo",
                Map.of("carrier", "顺丰速运", "trackingNo", BAD), List.of("customer_order")));
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/orders/1/cancel", "reason",
                Map.of("reason", BAD), List.of("customer_order")));
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/quotes/1/answer", "note",
                Map.of("unitPriceFen", 100, "validUntil", future, "note", BAD), List.of("quote_request")));
        fields.add(new Field("MERCHANT", HttpMethod.POST, "/api/merchant/agreements/1/accept", "textSha256",
                Map.of("textSha256", BAD), List.of("agreement_acceptance")));
        // organisers
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/rounds", "name",
                Map.of("name", BAD, "quota", 1, "opensAt", future, "closesAt", later), List.of("selection_round")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/agreements", "title",
                Map.of("kind", "ENTRY_AGREEMENT", "title", BAD, "body", "正文"), List.of("agreement_version")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/agreements", "body",
                Map.of("kind", "ENTRY_AGREEMENT", "title", "入驻协议", "body", BAD), List.of("agreement_version")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/applications/1/decision", "reason",
                Map.of("decision", "REJECT", "reason", BAD), List.of("merchant_application", "application_status_change")));
        for (String f : List.of("title", "audience", "tags[0]")) {
            Map<String, Object> series = new LinkedHashMap<>(Map.of("title", "宁夏系列培训", "audience", "企业负责人",
                    "tags", List.of("专精特新")));
            if (f.equals("tags[0]")) {
                series.put("tags", List.of(BAD));
            } else {
                series.put(f, BAD);
            }
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/series", f, series, List.of("training_series")));
            fields.add(new Field("ORGANISER", HttpMethod.PUT, "/api/organiser/training/series/1", f, series, List.of("training_series")));
        }
        for (String f : List.of("title", "lecturer", "streamUrl")) {
            Map<String, Object> session = new LinkedHashMap<>(Map.of("title", "趋势篇", "lecturer", "王老师", "startsAt", future,
                    "durationMinutes", 90, "streamUrl", "https://live.example.com/a.m3u8"));
            session.put(f, f.equals("streamUrl") ? "https://live.example.com/" + BAD : BAD);
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/series/1/sessions", f, session,
                    List.of("training_session")));
            fields.add(new Field("ORGANISER", HttpMethod.PUT, "/api/organiser/training/sessions/1", f, session,
                    List.of("training_session")));
        }
        // the training room (issue 13, item 3)
        fields.add(new Field("VIEWER", HttpMethod.POST, "/api/training/sessions/1/qa", "text", Map.of("text", BAD),
                List.of("training_question")));
        fields.add(new Field("VIEWER", HttpMethod.POST, "/api/training/sessions/1/checkin", "code", Map.of("code", BAD),
                List.of()));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/sessions/1/qa/1/answer", "answer",
                Map.of("answer", BAD), List.of("training_question")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/sessions/1/polls", "question",
                Map.of("question", BAD, "options", List.of("甲", "乙")), List.of("training_poll")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/sessions/1/polls", "options[0]",
                Map.of("question", "难度如何", "options", List.of(BAD, "乙")), List.of("training_poll")));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/training/sessions/1/chat/hidden", "messageId",
                Map.of("messageId", BAD), List.of()));
        // the course library (training/course)
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/courses/topics", "name",
                Map.of("name", BAD, "position", 1), List.of("course_topic")));
        for (String f : List.of("title", "summary", "lecturer")) {
            Map<String, Object> course = new LinkedHashMap<>(Map.of("topicId", 1, "title", "数字化转型入门", "summary", "简介",
                    "lecturer", "王老师"));
            course.put(f, BAD);
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/courses", f, course, List.of("course")));
            fields.add(new Field("ORGANISER", HttpMethod.PUT, "/api/organiser/courses/1", f, course, List.of("course")));
        }
        for (String f : List.of("title", "videoUrl")) {
            Map<String, Object> lesson = new LinkedHashMap<>(Map.of("title", "第一讲", "videoUrl", "https://v.example.com/a.mp4",
                    "durationSeconds", 60));
            lesson.put(f, f.equals("videoUrl") ? "https://v.example.com/" + BAD + ".mp4" : BAD);
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/courses/1/lessons", f, lesson, List.of("course_lesson")));
        }
        // fairs — screening (issue 14)
        for (String f : List.of("title", "region", "venue", "summary", "agenda[0].title", "agenda[0].place", "agenda[0].speaker")) {
            Map<String, Object> item = new LinkedHashMap<>(Map.of("startsAt", future, "title", "开幕式", "place", "一号厅",
                    "speaker", "王主任"));
            Map<String, Object> fair = new LinkedHashMap<>(Map.of("title", "合肥采购对接会", "kind", "PROCUREMENT",
                    "mode", "HYBRID", "visibility", "PUBLIC", "startsAt", future, "endsAt", later, "region", "安徽省合肥市",
                    "venue", "会展中心", "summary", "简介", "capacity", 100));
            if (f.startsWith("agenda")) {
                item.put(f.substring("agenda[0].".length()), BAD);
            } else {
                fair.put(f, BAD);
            }
            fair.put("agenda", List.of(item));
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/fairs", f, fair, List.of("fair", "fair_agenda_item")));
            fields.add(new Field("ORGANISER", HttpMethod.PUT, "/api/organiser/fairs/1", f, fair, List.of("fair", "fair_agenda_item")));
        }
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/fairs/1/organisers", "username",
                Map.of("username", BAD), List.of()));
        fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/fairs/1/invitations", "note",
                Map.of("note", BAD, "maxUses", 1), List.of("fair_invitation")));
        for (String action : List.of("reject", "needs-info")) {
            fields.add(new Field("ORGANISER", HttpMethod.POST, "/api/organiser/fair-participants/1/" + action, "reason",
                    Map.of("reason", BAD), List.of("fair_participant", "fair_participant_history")));
        }
        for (String f : List.of("offers", "needs", "certifications[0]", "contactName", "contactPhone", "invitation", "answer")) {
            Map<String, Object> questionnaire = new LinkedHashMap<>(Map.of("role", "SUPPLIER", "offers", "压铸件", "needs", "机床",
                    "certifications", List.of("ISO 9001"), "contactName", "张三", "contactPhone", "13812341234"));
            if (f.equals("certifications[0]")) {
                questionnaire.put("certifications", List.of(BAD));
            } else {
                questionnaire.put(f, BAD);
            }
            fields.add(new Field("VIEWER", HttpMethod.POST, "/api/fairs/1/registration", f, questionnaire,
                    List.of("fair_participant", "fair_participant_history")));
            fields.add(new Field("VIEWER", HttpMethod.PUT, "/api/fairs/1/registration", f, questionnaire,
                    List.of("fair_participant", "fair_participant_history")));
        }
        // fair listings (fair/listing): any account (validation answers before the enterprise check)
        for (String f : List.of("title", "description", "category", "region", "quantity", "keywords[0]")) {
            Map<String, Object> listing = new LinkedHashMap<>(Map.of("side", "SUPPLY", "title", "铝合金压铸件",
                    "description", "描述", "category", "C367", "region", "安徽省合肥市", "quantity", "5 万件",
                    "keywords", List.of("压铸"), "validUntil", later));
            if (f.equals("keywords[0]")) {
                listing.put("keywords", List.of(BAD));
            } else {
                listing.put(f, BAD);
            }
            fields.add(new Field("VIEWER", HttpMethod.POST, "/api/me/listings", f, listing, List.of("fair_listing")));
            fields.add(new Field("VIEWER", HttpMethod.PUT, "/api/me/listings/1", f, listing, List.of("fair_listing")));
        }
        // the deal pipeline of fairs (fair/pipeline)
        for (String f : List.of("note", "reason")) {
            Map<String, Object> change = new LinkedHashMap<>(Map.of("version", 0, "stage", "DROPPED", "reason", "预算取消"));
            change.put(f, BAD);
            fields.add(new Field("VIEWER", HttpMethod.PUT, "/api/fairs/1/pipeline/pairs/1", f, change,
                    List.of("fair_pair", "fair_pair_history")));
        }
        return fields.stream().flatMap(field -> JSON_BAD.stream().map(bad -> Arguments.of(field, bad)));
    }

    @ParameterizedTest(name = "[{index}] {0} with {1}")
    @MethodSource("bodyFields")
    void refusesUnstorableTextInEveryBodyField(Field field, String bad) {
        String marker = uniqueName("bad");
        String json = JSON.writeValueAsString(field.body()).replace(BAD, marker + bad + "x");
        WebTestClient.RequestBodySpec request = http.method(field.method()).uri(field.uri())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", marker);
        if (field.role() != null) {
            request.headers(h -> h.setBearerAuth(tokens.get(field.role())));
        }
        request.bodyValue(json).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/validation")
                .jsonPath("$.errors[?(@.field == '%s')].message".formatted(field.field()))
                .value(messages -> assertThat(messages.toString()).matches(".*(控制字符|方向控制字符|无效的字符).*"));
        for (String table : field.tables()) {
            assertThat(stored(table, marker)).as("rows of %s holding the text", table).isZero();
        }
    }

    static Stream<Arguments> queryParameters() {
        List<Arguments> cases = new ArrayList<>();
        for (String bad : QUERY_BAD) {
            cases.add(Arguments.of(null, "/api/products?q=", "q", bad));
            cases.add(Arguments.of(null, "/api/products?region=", "region", bad));
            cases.add(Arguments.of("ADMIN", "/api/admin/users?q=", "q", bad));
            cases.add(Arguments.of(null, "/api/training/series?tag=", "tag", bad));
            cases.add(Arguments.of(null, "/api/training/series?audience=", "audience", bad));
            cases.add(Arguments.of(null, "/api/courses?q=", "q", bad));
            cases.add(Arguments.of(null, "/api/fairs?region=", "region", bad));
            cases.add(Arguments.of("VIEWER", "/api/fairs/1/participants?q=", "q", bad));
            cases.add(Arguments.of("VIEWER", "/api/fairs/1/registration?invite=", "invite", bad));
            cases.add(Arguments.of("ORGANISER", "/api/organiser/fairs/1/participants?q=", "q", bad));
            cases.add(Arguments.of("ORGANISER", "/api/fairs/1/listings?q=", "q", bad));
            cases.add(Arguments.of("ORGANISER", "/api/fairs/1/listings?region=", "region", bad));
            cases.add(Arguments.of("ORGANISER", "/api/dashboard/merchants?q=", "q", bad));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {1}{3}")
    @MethodSource("queryParameters")
    void refusesUnstorableTextInQueryParameters(String role, String uri, String field, String bad) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(URI.create("http://localhost:" + port + uri + "a" + bad + "b"));
        if (role != null) {
            request.headers(h -> h.setBearerAuth(tokens.get(role)));
        }
        request.exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("字符"));
    }

    private static Map<String, Object> registration(String userField, String enterpriseField) {
        Map<String, Object> enterprise = new LinkedHashMap<>(Map.of("name", "陕西测试企业", "creditCode", TestCreditCodes.next(),
                "region", "西安市", "industry", "食品", "size", "SMALL"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", uniqueName("u"), "password", "secret-123",
                "displayName", "测试用户", "phone", "13800000000", "enterprise", enterprise));
        if (userField != null) {
            body.put(userField, BAD);
        }
        if (enterpriseField != null) {
            enterprise.put(enterpriseField, BAD);
        }
        return body;
    }

    private static Map<String, Object> recipient(String badField) {
        Map<String, Object> recipient = new LinkedHashMap<>(Map.of("name", "张三", "phone", "13800000000", "address", "西安市雁塔区"));
        recipient.put(badField, BAD);
        return recipient;
    }

    /** Rows of {@code table} whose text (every column, as PostgreSQL prints the row) contains {@code marker}. */
    private long stored(String table, String marker) {
        return db.sql("select count(*) as n from " + table + " t where t::text like :m")
                .bind("m", "%" + marker + "%")
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
