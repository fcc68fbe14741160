package io.livehall.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.livehall.IntegrationTest;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Per-user upload rate limit and daily quota on {@code POST /api/files} (defaults: 20 a minute, 200 files / 200 MB a day). */
class UploadLimitsTest extends IntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    FixedWindowCounter counter;

    @Test
    void theTwentyFirstUploadInAMinuteIsRefusedAndNotStored() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("burst");
        for (int i = 0; i < 20; i++) {
            upload(user.token(), FileApiTest.PNG).expectStatus().isCreated();
        }
        upload(user.token(), FileApiTest.PNG)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/upload-rate-limited")
                .jsonPath("$.detail").isEqualTo("上传过于频繁：每分钟最多 20 个文件，请稍后再试");
        assertThat(storedBy(user.id())).isEqualTo(20);
    }

    @Test
    void aUserWhoStoredTheDaysFilesGets429AndNothingIsStored() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("quota");
        set(RedisKeys.of("upload", user.id(), "files"), 200, Duration.ofHours(3));
        upload(user.token(), FileApiTest.PNG)
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(3 * 3600L - 60, 3 * 3600L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/upload-quota-exceeded")
                .jsonPath("$.detail").isEqualTo("已达上传数量上限：每天最多 200 个文件");
        assertThat(storedBy(user.id())).isZero();
    }

    @Test
    void theByteQuotaCountsWhatWasStored() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("bytes");
        long quota = DataSize.ofMegabytes(200).toBytes();
        set(RedisKeys.of("upload", user.id(), "files"), 3, Duration.ofHours(1));
        set(RedisKeys.of("upload", user.id(), "bytes"), quota - FileApiTest.PNG.length - 1, Duration.ofHours(1));
        upload(user.token(), FileApiTest.PNG).expectStatus().isCreated(); // fits, one byte to spare
        upload(user.token(), FileApiTest.PNG)
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").isEqualTo("已达上传容量上限：每天最多 200MB");
        assertThat(storedBy(user.id())).isEqualTo(1);
        assertThat(get(RedisKeys.of("upload", user.id(), "files"))).isEqualTo("4");
        assertThat(get(RedisKeys.of("upload", user.id(), "bytes"))).isEqualTo(Long.toString(quota - 1));
    }

    @Test
    void refusedUploadsDoNotCountAgainstTheQuota() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("refused");
        upload(user.token(), "MZ not an image".getBytes()).expectStatus().isBadRequest();
        assertThat(get(RedisKeys.of("upload", user.id(), "files"))).isNull();
        upload(user.token(), FileApiTest.PNG).expectStatus().isCreated();
        assertThat(get(RedisKeys.of("upload", user.id(), "files"))).isEqualTo("1");
        assertThat(get(RedisKeys.of("upload", user.id(), "bytes"))).isEqualTo(Integer.toString(FileApiTest.PNG.length));
    }

    @Test
    void uploadsRacingForTheLastOfTheQuotaNeverPassIt() {
        UploadLimits limits = new UploadLimits(redis, counter,
                new UploadSettings(3, DataSize.ofBytes(1000), Duration.ofMinutes(1), 100, Duration.ofMinutes(1)));
        long userId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        List<String> outcomes = Flux.range(0, 10)
                .flatMap(i -> limits.withinQuota(userId, 100, Mono.delay(Duration.ofMillis(50)).thenReturn("stored"))
                        .onErrorResume(ApiProblem.class, e -> Mono.just("refused " + e.getStatusCode().value())))
                .collectList().block();
        assertThat(outcomes).filteredOn("stored"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("refused 429"::equals).hasSize(7);
        assertThat(get(RedisKeys.of("upload", userId, "files"))).isEqualTo("3");
        assertThat(get(RedisKeys.of("upload", userId, "bytes"))).isEqualTo("300");
    }

    @Test
    void whatFailsToBeStoredIsGivenBack() {
        UploadLimits limits = new UploadLimits(redis, counter,
                new UploadSettings(3, DataSize.ofBytes(1000), Duration.ofMinutes(1), 100, Duration.ofMinutes(1)));
        long userId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        limits.withinQuota(userId, 100, Mono.just("stored")).block();
        Mono<String> failing = limits.withinQuota(userId, 200, Mono.error(new IllegalStateException("disk full")));
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::block).hasMessageContaining("disk full");
        assertThat(get(RedisKeys.of("upload", userId, "files"))).isEqualTo("1");
        assertThat(get(RedisKeys.of("upload", userId, "bytes"))).isEqualTo("100");
    }

    private WebTestClient.ResponseSpec upload(String token, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "图.png";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("purpose", "IMAGE");
        return http.post().uri("/api/files").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private long storedBy(long userId) {
        return db.sql("select count(*) as n from stored_file where owner_id = :id").bind("id", userId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private void set(String key, long value, Duration ttl) {
        redis.opsForValue().set(key, Long.toString(value), ttl).block();
    }

    private String get(String key) {
        return redis.opsForValue().get(key).block();
    }
}
