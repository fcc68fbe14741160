package io.livehall.fair.screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.livehall.fair.FairKind;
import io.livehall.fair.FairMode;
import io.livehall.fair.FairStatus;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;

/** What the screening API answers: fair cards and pages, participants as organisers, applicants and peers see them. */
final class FairViews {

    private FairViews() {
    }

    /** A fair in a list; {@code approved} the enterprises approved so far. */
    record Card(long id, String title, FairKind kind, FairMode mode, FairVisibility visibility, FairStatus status,
                Instant startsAt, Instant endsAt, String region, String venue, String organiser, Long coverFileId,
                int capacity, long approved) {
    }

    record AgendaItem(long id, Instant startsAt, Instant endsAt, String title, String place, String speaker) {
    }

    /** Someone who runs the fair: its creator or a co-organiser. */
    record Organiser(long userId, String username, String displayName, boolean creator) {
    }

    /**
     * A fair's home page: the fair, its agenda and organisers, how many registered and were approved, whether it
     * takes registrations now, the caller's enterprise's registration (null for none or a guest), whether the caller
     * runs it.
     */
    record Detail(Card fair, String summary, List<AgendaItem> agenda, List<Organiser> organisers, long registered,
                  boolean registrationOpen, Mine mine, boolean runs) {
    }

    /** The caller's enterprise's registration at a fair, as the enterprise sees it. */
    record Mine(long participantId, ParticipantStatus status, ParticipantRole role, String reason) {
    }

    /** A participant as the organisers see it: the whole questionnaire, the contact in full. */
    record Row(long id, long fairId, long enterpriseId, String enterpriseName, String creditCode, String region,
               String industry, EnterpriseSize size, SpecialisationTier tier, ParticipantRole role,
               ParticipantStatus status, String offers, String needs, Long amountMinFen, Long amountMaxFen,
               List<String> certifications, String contactName, String contactPhone, boolean invited,
               String reason, Instant createdAt, Instant updatedAt) {
    }

    /** An approved participant in the directory other participants read: contact masked. */
    record Entry(long id, long enterpriseId, String enterpriseName, String region, String industry,
                 EnterpriseSize size, SpecialisationTier tier, ParticipantRole role, String offers, String needs,
                 Long amountMinFen, Long amountMaxFen, List<String> certifications, String contactName,
                 String contactPhone, boolean mine) {
    }

    /** One screening step. */
    record Step(ParticipantStatus from, ParticipantStatus to, String note, String by, Instant at) {
    }

    /** A participant with its screening history (organisers). */
    record RowDetail(Row participant, List<Step> history) {
    }

    /**
     * The registration page: the caller's enterprise (null: set one up in the profile first), its registration at this
     * fair (null: none yet) with the screening history, whether the fair takes registrations now.
     */
    record Registration(EnterpriseRef enterprise, Row participant, List<Step> history, boolean registrationOpen) {
    }

    record EnterpriseRef(long id, String name) {
    }

    /** The organisers' screening figures: registrations per status, approved against capacity. */
    record Counts(Map<ParticipantStatus, Long> byStatus, long approved, int capacity) {
    }

    /**
     * An invitation link as the organisers list it (the token itself is shown once, when created). A named one
     * ({@code inviteeName} set) is one enterprise's: its contact, expiry, when its link was first opened, and the
     * registration made through it ({@code registered}: the enterprise and its status; null before).
     */
    record Invitation(long id, String note, int maxUses, int used, Instant createdAt, Instant revokedAt,
                      String inviteeName, Long enterpriseId, String contactPhone, String contactEmail, Instant expiresAt,
                      Instant openedAt, Registered registered) {
    }

    /** The registration made through a named invitation. */
    record Registered(long participantId, String enterpriseName, ParticipantStatus status) {
    }

    /** An enterprise the organisers know (it registered for one of their fairs), to invite by name. */
    record KnownEnterprise(long id, String name, String region) {
    }

    /** A new invitation link: {@code path} is the link to send ({@code /fairs/7/register?invite=…}). */
    record CreatedInvitation(Invitation invitation, String token, String path) {
    }

    /** What an invitation link shows before its holder registers. */
    record Invited(Card fair, String summary, String note) {
    }

    /** A fair the caller's enterprise registered for, with the registration's status. */
    record Participation(Card fair, Mine mine) {
    }
}
