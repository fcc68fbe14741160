package io.livehall.fair.screening;

import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Entry;
import io.livehall.fair.screening.FairViews.Row;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The participant directory (参会企业名录): the approved enterprises of a fair, for its approved participants and its
 * organisers only (403 to an enterprise not yet approved). Other enterprises' contacts are masked (张** · 138****1234).
 */
@Service
class Directory {

    private final ParticipantRepository participants;
    private final Fairs fairs;

    Directory(ParticipantRepository participants, Fairs fairs) {
        this.participants = participants;
        this.fairs = fairs;
    }

    Mono<Page<Entry>> list(FairStaff who, long fairId, ParticipantRole role, String q, PageRequest page) {
        return fairs.visibleTo(fairId, who)
                .then(Mono.defer(() -> fairs.runs(who, fairId)))
                .flatMap(runs -> runs ? Mono.just(-1L)
                        : fairs.approvedParticipantOf(fairId, who.userId()).map(p -> p.enterpriseId()))
                .flatMap(myEnterprise -> Flux.defer(() -> participants.ofFair(fairId, ParticipantStatus.APPROVED, role, q,
                                page.afterId(), page.limit()))
                        .map(row -> entry(row, row.enterpriseId() == myEnterprise))
                        .collectList())
                .map(rows -> Page.of(rows, page.limit(), e -> Long.toString(e.id())));
    }

    static Entry entry(Row r, boolean mine) {
        return new Entry(r.id(), r.enterpriseId(), r.enterpriseName(), r.region(), r.industry(), r.size(), r.tier(),
                r.role(), r.offers(), r.needs(), r.amountMinFen(), r.amountMaxFen(), r.certifications(),
                mine ? r.contactName() : maskName(r.contactName()), mine ? r.contactPhone() : maskPhone(r.contactPhone()),
                mine);
    }

    /** 张三丰 → 张**; null stays null. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "**";
    }

    /** 13812341234 → 138****1234. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 8 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
