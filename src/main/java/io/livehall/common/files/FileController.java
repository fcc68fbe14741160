package io.livehall.common.files;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Uploads ({@code POST /api/files}, multipart: {@code file} + {@code purpose}) and downloads. The type is
 * detected from the bytes and must fit the purpose; images are public, documents only for their uploader
 * and organisers; videos (training replays, MP4) are uploaded only by organisers and admins and are public. Files never
 * change, so downloads carry a strong ETag and long caching, and answer byte ranges ({@code Range}, 206) so that a
 * video player can seek. Uploads are limited per user ({@link UploadLimits}: a rate limit and a daily quota of files
 * and bytes; 429 beyond).
 */
@RestController
@RequestMapping("/api/files")
@Tag(name = "文件")
class FileController {

    private final FileStorage storage;
    private final UploadLimits limits;

    FileController(FileStorage storage, UploadLimits limits) {
        this.storage = storage;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传文件（图片 ≤5MB：JPEG/PNG/WebP；资质文件 ≤10MB：PDF/JPEG/PNG；视频 ≤50MB：MP4，仅主办方）；每人每分钟、每天有上限，超出时 429",
            security = @SecurityRequirement(name = "bearer"))
    Mono<StoredFile> upload(@RequestPart("file") FilePart file, @RequestPart("purpose") String purpose,
                            @AuthenticationPrincipal Jwt jwt) {
        FilePurpose p = parsePurpose(purpose);
        long userId = Long.parseLong(jwt.getSubject());
        if (p == FilePurpose.VIDEO && !staff(jwt)) {
            return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "只有主办方可以上传视频"));
        }
        return limits.attempt(userId).then(DataBufferUtils.join(file.content(), (int) p.maxBytes()))
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> invalid("file", "文件不能超过 " + p.maxBytes() / (1024 * 1024) + "MB"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> invalid("file", "文件为空")))
                .flatMap(bytes -> {
                    String type = ContentSniffer.detect(bytes).filter(p.contentTypes()::contains)
                            .orElseThrow(() -> invalid("file", "文件类型不支持，允许：" + String.join("、", p.contentTypes())));
                    return limits.withinQuota(userId, bytes.length,
                            Mono.defer(() -> storage.store(userId, p, displayName(file.filename()), type, bytes)));
                });
    }

    @GetMapping("/{id}")
    @Operation(summary = "下载文件（图片公开；资质文件仅上传者与组织方可见）")
    Mono<ResponseEntity<Resource>> download(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        return storage.describe(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("文件")))
                .filter(file -> mayRead(file, jwt))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("文件")))
                .flatMap(file -> storage.content(id).map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.contentType()))
                        .eTag('"' + file.sha256() + '"')
                        .cacheControl(file.purpose().publiclyReadable()
                                ? CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable()
                                : CacheControl.noStore())
                        .headers(h -> h.setContentDisposition(ContentDisposition
                                .builder(file.purpose().publiclyReadable() ? "inline" : "attachment")
                                .filename(file.originalName(), StandardCharsets.UTF_8).build()))
                        // a Resource body: WebFlux answers a Range request with 206 and the asked bytes
                        .body(new ByteArrayResource(bytes))));
    }

    private static boolean mayRead(StoredFile file, Jwt jwt) {
        if (file.purpose().publiclyReadable()) {
            return true;
        }
        if (jwt == null) {
            return false;
        }
        return Long.parseLong(jwt.getSubject()) == file.ownerId() || staff(jwt);
    }

    private static boolean staff(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles != null && (roles.contains("ORGANISER") || roles.contains("ADMIN"));
    }

    private static FilePurpose parsePurpose(String purpose) {
        try {
            return FilePurpose.valueOf(purpose.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("purpose", "purpose 只能是 IMAGE、DOCUMENT 或 VIDEO");
        }
    }

    private static String displayName(String filename) {
        // control characters (C0, DEL, C1) and bidi overrides/isolates (a name that displays as "txt.exe") become "_"
        String name = filename == null ? "" : filename
                .replaceAll("[\\\\/\\p{Cntrl}\\x{80}-\\x{9F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]", "_").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-file", message, List.of(new FieldProblem(field, message)));
    }
}
