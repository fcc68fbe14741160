package io.livehall.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class FileApiTest extends IntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF".getBytes();

    private WebTestClient.ResponseSpec upload(String token, String purpose, String name, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("purpose", purpose);
        return http.post().uri("/api/files").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void imagesArePublicWithTheirDetectedTypeAndAStrongEtag() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("img");
        StoredFile file = upload(user.token(), "IMAGE", "茶.png", PNG).expectStatus().isCreated()
                .expectBody(StoredFile.class).returnResult().getResponseBody();
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.sizeBytes()).isEqualTo(PNG.length);

        byte[] got = http.get().uri("/api/files/{id}", file.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(got).isEqualTo(PNG);
    }

    @Test
    void documentsAreReadOnlyByTheirUploaderAndOrganisers() {
        ShowcaseFixtures fixtures = new ShowcaseFixtures(http, db);
        ShowcaseFixtures.Account owner = fixtures.enterpriseUser("doc");
        ShowcaseFixtures.Account other = fixtures.enterpriseUser("other");
        StoredFile file = upload(owner.token(), "DOCUMENT", "营业执照.pdf", PDF).expectStatus().isCreated()
                .expectBody(StoredFile.class).returnResult().getResponseBody();

        http.get().uri("/api/files/{id}", file.id()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/files/{id}", file.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + other.token())
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/files/{id}", file.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
                .exchange().expectStatus().isOk().expectBody(byte[].class).isEqualTo(PDF);
        grantRoles(other.username(), "VIEWER", "ORGANISER");
        String organiser = login(other.username(), ShowcaseFixtures.PASSWORD);
        http.get().uri("/api/files/{id}", file.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + organiser)
                .exchange().expectStatus().isOk();
    }

    @Test
    void wrongTypesAndOversizedFilesAreRefusedWithAFieldError() {
        ShowcaseFixtures.Account user = new ShowcaseFixtures(http, db).enterpriseUser("bad");
        upload(user.token(), "IMAGE", "x.png", "MZ not an image".getBytes()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        upload(user.token(), "IMAGE", "doc.pdf", PDF).expectStatus().isBadRequest();
        upload(user.token(), "SECRET", "x.png", PNG).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("purpose");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        upload(user.token(), "IMAGE", "big.png", big).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        long stored = db.sql("select count(*) as n from stored_file where owner_id = :id").bind("id", user.id())
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(stored).isZero();
    }
}
