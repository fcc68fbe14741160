package io.livehall.training.attendance;

import java.security.SecureRandom;

import io.livehall.common.error.ApiProblem;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.attendance.AttendanceViews.Verified;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Certificates of completion: issued to an attendee of a session that is over when their watch time meets the series'
 * rule, on their first download (one per person and session, the same code ever after), verifiable by anyone with the
 * code at {@code /verify/<code>}. Codes are 10 characters of an alphabet without 0/O and 1/I (32^10 ≈ 10^15: not
 * guessable by trying).
 */
@Component
class Certificates {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AttendanceService attendance;
    private final AttendanceRepository repository;
    private final TrainingSessions sessions;
    private final CertificatePdf pdf;

    Certificates(AttendanceService attendance, AttendanceRepository repository, TrainingSessions sessions, CertificatePdf pdf) {
        this.attendance = attendance;
        this.repository = repository;
        this.sessions = sessions;
        this.pdf = pdf;
    }

    /** The person's certificate as a PDF; issues it first if they earned it; 409 with the reason when not. */
    Mono<Certified> download(long userId, long sessionId, String baseUrl) {
        return attendance.mine(userId, sessionId).flatMap(mine -> {
            if (!mine.sessionOver()) {
                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "certificate-not-yet", "课程结束后才能领取结业证书"));
            }
            if (mine.certificateCode() == null && !mine.eligible()) {
                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "certificate-not-earned",
                        "观看时长未达到 " + mine.certificateMinutes() + " 分钟，不能领取结业证书"));
            }
            long seconds = mine.liveSeconds() + (mine.certificateCountsReplay() ? mine.replaySeconds() : 0);
            return repository.issue(newCode(), sessionId, userId, (int) Math.min(Integer.MAX_VALUE, seconds));
        }).flatMap(c -> render(c, baseUrl));
    }

    Mono<Verified> verify(String code) {
        if (code == null || !code.matches("[A-HJ-NP-Z2-9]{10}")) {
            return Mono.error(ApiProblem.notFound("证书"));
        }
        return repository.certificate(code).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("证书")))
                .flatMap(c -> sessions.find(c.sessionId()).flatMap(s -> organiser(s).map(org -> view(c, s, org))));
    }

    /** A PDF and its file name. */
    record Certified(String filename, byte[] pdf) {
    }

    private Mono<Certified> render(Certificate c, String baseUrl) {
        return sessions.find(c.sessionId()).flatMap(s -> organiser(s).map(org -> view(c, s, org)))
                .publishOn(Schedulers.boundedElastic())
                .map(v -> new Certified("结业证书-" + c.code() + ".pdf", pdf.draw(new CertificatePdf.Content(v.code(),
                        v.holderName(), v.seriesTitle(), v.sessionTitle(), v.organiser(), v.sessionStartsAt(),
                        v.watchMinutes(), v.issuedAt(), baseUrl + "/verify/" + v.code()))));
    }

    private Mono<String> organiser(TrainingSession s) {
        return sessions.findSeries(s.seriesId()).map(io.livehall.training.TrainingSeries::organiser).defaultIfEmpty("");
    }

    private static Verified view(Certificate c, TrainingSession s, String organiser) {
        return new Verified(c.code(), c.holderName(), s.title(), s.seriesTitle(), organiser, s.startsAt(),
                c.watchSeconds() / 60, c.issuedAt());
    }

    static String newCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
