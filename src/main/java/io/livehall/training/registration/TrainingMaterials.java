package io.livehall.training.registration;

import java.nio.charset.StandardCharsets;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.files.FileStorage;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A session's materials (uploaded documents, which the file endpoint shows only to their uploader and organisers) for
 * the people of the series: its confirmed registrants, its organiser and admins. A file that is no material of the
 * session answers 404; a person who is not confirmed answers 403 (the material list itself is public).
 */
@Component
class TrainingMaterials {

    private final TrainingSessions trainings;
    private final RegistrationRepository registrations;
    private final FileStorage files;

    TrainingMaterials(TrainingSessions trainings, RegistrationRepository registrations, FileStorage files) {
        this.trainings = trainings;
        this.registrations = registrations;
        this.files = files;
    }

    Mono<ResponseEntity<byte[]>> download(Jwt jwt, long sessionId, long fileId) {
        long userId = Long.parseLong(jwt.getSubject());
        return trainings.find(sessionId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(session -> trainings.materialFileIds(sessionId).any(id -> id == fileId)
                        .flatMap(isMaterial -> isMaterial ? Mono.just(session) : Mono.error(ApiProblem.notFound("资料"))))
                .flatMap(session -> TrainingStaff.of(jwt).runs(session.organiserId()) ? Mono.just(true)
                        : registrations.find(session.seriesId(), userId)
                                .map(r -> r.state() == RegistrationState.CONFIRMED).defaultIfEmpty(false))
                .flatMap(allowed -> allowed ? files.describe(fileId)
                        : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "registration-required", "报名确认后才能下载课程资料")))
                .flatMap(file -> files.content(fileId).map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.contentType()))
                        .cacheControl(CacheControl.noStore())
                        .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                                .filename(file.originalName(), StandardCharsets.UTF_8).build()))
                        .body(bytes)));
    }
}
