package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.livehall.IntegrationTest;
import reactor.netty.http.client.HttpClient;

/** Cache and encoding rules of the built web app's files (fixtures under src/test/resources/static/). */
class StaticResourcesTest extends IntegrationTest {

    private static final String ASSET = "/assets/cache-probe-3f9a2c.js";

    /** A client that shows the bytes as sent (the shared one may undo a compressed response before we see it). */
    private WebTestClient raw() {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl("http://localhost:" + port).build();
    }

    @Test
    void fingerprintedAssetsAreCachedForAYearAsImmutable() {
        http.get().uri(ASSET).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(StaticResources.FINGERPRINTED)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL,
                        v -> assertThat(v).contains("max-age=31536000").contains("public").contains("immutable"))
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectBody(byte[].class).isEqualTo(bytes("static/assets/cache-probe-3f9a2c.js"));
    }

    @Test
    void browsersThatAcceptBrotliGetThePrecompressedCopy() {
        raw().get().uri(ASSET).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br, zstd").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                .expectHeader().value(HttpHeaders.VARY, v -> assertThat(v).containsIgnoringCase("Accept-Encoding"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("immutable"))
                .expectBody(byte[].class).isEqualTo(bytes("static/assets/cache-probe-3f9a2c.js.br"));
    }

    @Test
    void browsersWithoutBrotliGetTheGzipCopy() {
        raw().get().uri(ASSET).header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectBody(byte[].class).isEqualTo(bytes("static/assets/cache-probe-3f9a2c.js.gz"));
    }

    @Test
    void otherFilesAreRevalidatedEachTime() {
        http.get().uri("/cache-probe.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Test
    void aMissingAssetIsA404NotTheApp() {
        http.get().uri("/assets/gone-0000.js").exchange().expectStatus().isNotFound();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
