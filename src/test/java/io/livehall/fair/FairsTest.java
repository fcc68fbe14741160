package io.livehall.fair;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.IntegrationTest;
import io.livehall.common.error.ApiProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.test.StepVerifier;

/** The shared rules of the fair seam: who runs a fair, who sees it, who counts as an approved participant. */
class FairsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Fairs fairs;

    FairFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
    }

    @Test
    void onlyTheFairsOrganisersAndAdminsRunIt() {
        var organiser = fx.account("ORGANISER");
        var coOrganiser = fx.account("ORGANISER");
        var other = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        db.sql("insert into fair_organiser (fair_id, user_id) values (:f, :u)").bind("f", fair).bind("u", coOrganiser.id())
                .fetch().rowsUpdated().block();

        StepVerifier.create(fairs.runs(new FairStaff(organiser.id(), false), fair)).expectNext(true).verifyComplete();
        StepVerifier.create(fairs.runs(new FairStaff(coOrganiser.id(), false), fair)).expectNext(true).verifyComplete();
        StepVerifier.create(fairs.runs(new FairStaff(other.id(), false), fair)).expectNext(false).verifyComplete();
        StepVerifier.create(fairs.runs(new FairStaff(other.id(), true), fair)).expectNext(true).verifyComplete();
        StepVerifier.create(fairs.runBy(new FairStaff(other.id(), false), fair))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getStatusCode().value()).isEqualTo(404)).verify();
        StepVerifier.create(fairs.idsRunBy(new FairStaff(coOrganiser.id(), false)).collectList())
                .expectNext(java.util.List.of(fair)).verifyComplete();
        long othersFair = fx.fair(other.id());
        StepVerifier.create(fairs.idsRunBy(new FairStaff(fx.account("ADMIN").id(), true)).collectList())
                .as("an admin runs every fair: the KPIs across fairs cover all")
                .assertNext(ids -> assertThat(ids).contains(fair, othersFair)).verifyComplete();
    }

    @Test
    void aClosedDoorFairIsVisibleOnlyToItsOrganisersAndRegisteredEnterprises() {
        var organiser = fx.account("ORGANISER");
        long closed = fx.fair(organiser.id(), FairKind.ROADSHOW, FairVisibility.CLOSED);
        var invited = fx.enterprise("受邀企业");
        var outsider = fx.enterprise("局外企业");
        fx.participant(closed, invited, ParticipantRole.PROJECT, ParticipantStatus.PENDING);

        StepVerifier.create(fairs.visibleTo(closed, null)).expectError(ApiProblem.class).verify();
        StepVerifier.create(fairs.visibleTo(closed, new FairStaff(outsider.userId(), false)))
                .expectError(ApiProblem.class).verify();
        StepVerifier.create(fairs.visibleTo(closed, new FairStaff(invited.userId(), false)).map(Fair::id))
                .expectNext(closed).verifyComplete();
        StepVerifier.create(fairs.visibleTo(closed, new FairStaff(organiser.id(), false)).map(Fair::id))
                .expectNext(closed).verifyComplete();

        long open = fx.fair(organiser.id());
        StepVerifier.create(fairs.visibleTo(open, null).map(Fair::id)).expectNext(open).verifyComplete();
        db.sql("update fair set status = 'DRAFT' where id = :id").bind("id", open).fetch().rowsUpdated().block();
        StepVerifier.create(fairs.visibleTo(open, new FairStaff(invited.userId(), false)))
                .expectError(ApiProblem.class).verify();
        StepVerifier.create(fairs.visibleTo(open, new FairStaff(organiser.id(), false)).map(Fair::id))
                .expectNext(open).verifyComplete();
    }

    @Test
    void onlyApprovedParticipantsCountAsApproved() {
        var organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        var approved = fx.enterprise("已通过企业");
        var pending = fx.enterprise("待审核企业");
        long approvedId = fx.participant(fair, approved, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED, 100L, 500L);
        fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);

        StepVerifier.create(fairs.approvedParticipantOf(fair, approved.userId()))
                .assertNext(p -> {
                    assertThat(p.id()).isEqualTo(approvedId);
                    assertThat(p.enterpriseName()).isEqualTo("已通过企业");
                    assertThat(p.amountMinFen()).isEqualTo(100L);
                    assertThat(p.role().offers()).isTrue();
                }).verifyComplete();
        StepVerifier.create(fairs.approvedParticipantOf(fair, pending.userId()))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getStatusCode().value()).isEqualTo(403)).verify();
        StepVerifier.create(fairs.participantOf(fair, pending.userId()).map(Participant::status))
                .expectNext(ParticipantStatus.PENDING).verifyComplete();
        StepVerifier.create(fairs.approved(fair).map(Participant::id)).expectNext(approvedId).verifyComplete();
    }

    /** The one-statement standing answers as visibleTo then approvedParticipantOf do, for every kind of caller. */
    @Test
    void theStandingInOneStatementAgreesWithVisibilityThenApproval() {
        var organiser = fx.account("ORGANISER");
        var admin = fx.account("ADMIN");
        long open = fx.fair(organiser.id());
        long closed = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        long draft = fx.fair(organiser.id());
        db.sql("update fair set status = 'DRAFT' where id = :id").bind("id", draft).fetch().rowsUpdated().block();
        var approved = fx.enterprise("已通过企业");
        var pending = fx.enterprise("待审核企业");
        var outsider = fx.enterprise("局外企业");
        java.util.List<FairStaff> callers = java.util.List.of(new FairStaff(approved.userId(), false),
                new FairStaff(pending.userId(), false), new FairStaff(outsider.userId(), false),
                new FairStaff(organiser.id(), false), new FairStaff(admin.id(), true));
        for (long fair : new long[] {open, closed, draft, 99_999_999L}) {
            if (fair != 99_999_999L) {
                fx.participant(fair, approved, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
                fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);
            }
            for (FairStaff who : callers) {
                Object expected = outcome(fairs.visibleTo(fair, who).then(fairs.approvedParticipantOf(fair, who.userId()))
                        .map(Participant::id));
                assertThat(outcome(fairs.approvedParticipantIdAt(fair, who))).as("fair %d, user %d", fair, who.userId())
                        .isEqualTo(expected);
            }
        }
        assertThat(outcome(fairs.approvedParticipantIdAt(open, new FairStaff(approved.userId(), false))))
                .isInstanceOf(Long.class);
        assertThat(outcome(fairs.approvedParticipantIdAt(draft, new FairStaff(approved.userId(), false)))).isEqualTo(404);
        assertThat(outcome(fairs.approvedParticipantIdAt(open, new FairStaff(pending.userId(), false)))).isEqualTo(403);
    }

    /** The participant id, or the status of the problem. */
    private static Object outcome(reactor.core.publisher.Mono<Long> standing) {
        return standing.map(id -> (Object) id)
                .onErrorResume(ApiProblem.class, e -> reactor.core.publisher.Mono.just(e.getStatusCode().value()))
                .block();
    }
}
