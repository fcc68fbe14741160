package io.livehall.fair.screening;

import java.time.Instant;

import io.livehall.fair.FairKind;
import io.livehall.fair.FairMode;
import io.livehall.fair.FairStatus;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Card;
import io.livehall.fair.screening.FairViews.Mine;
import io.livehall.fair.screening.FairViews.Participation;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of fair lists: the public list (keyset on start and id), the organisers' list, an enterprise's fairs. */
@Repository
class FairQueries {

    static final String CARD = """
            select f.id, f.title, f.kind, f.mode, f.visibility, f.status, f.starts_at, f.ends_at, f.region, f.venue,
                   u.display_name as organiser, f.cover_file_id, f.capacity,
                   (select count(*) from fair_participant a where a.fair_id = f.id and a.status = 'APPROVED') as approved
              from fair f join app_user u on u.id = f.organiser_id""";

    private final DatabaseClient db;

    FairQueries(DatabaseClient db) {
        this.db = db;
    }

    Mono<Card> card(long id) {
        return db.sql(CARD + " where f.id = :id").bind("id", id).map(FairQueries::cardOf).one();
    }

    /**
     * Published public fairs: upcoming (not ended; soonest first) or past (latest first), optionally of one kind and in
     * a region (a prefix: 安徽省 finds 安徽省合肥市); {@code limit + 1} rows after the cursor.
     */
    Flux<Card> published(boolean past, FairKind kind, String region, FairCursor after, Instant now, int limit) {
        StringBuilder sql = new StringBuilder(CARD).append(" where f.status = 'PUBLISHED' and f.visibility = 'PUBLIC'");
        sql.append(past ? " and f.ends_at <= :now" : " and f.ends_at > :now");
        if (kind != null) {
            sql.append(" and f.kind = :kind");
        }
        if (region != null) {
            sql.append(" and starts_with(f.region, :region)");
        }
        if (after != null) {
            sql.append(past ? " and (f.starts_at, f.id) < (:afterStart, :afterId)" : " and (f.starts_at, f.id) > (:afterStart, :afterId)");
        }
        sql.append(past ? " order by f.starts_at desc, f.id desc" : " order by f.starts_at, f.id").append(" limit :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("now", now).bind("limit", limit + 1);
        if (kind != null) {
            spec = spec.bind("kind", kind.name());
        }
        if (region != null) {
            spec = spec.bind("region", region);
        }
        if (after != null) {
            spec = spec.bind("afterStart", after.startsAt()).bind("afterId", after.id());
        }
        return spec.map(FairQueries::cardOf).all();
    }

    /** The fairs an organiser created or co-organises (all for an admin), newest first, {@code limit + 1} rows. */
    Flux<Card> runBy(Long organiserId, Long afterId, int limit) {
        String who = organiserId == null ? "true" : """
                (f.organiser_id = :user or exists (select 1 from fair_organiser o where o.fair_id = f.id and o.user_id = :user))""";
        GenericExecuteSpec spec = db.sql(CARD + " where " + who + (afterId == null ? "" : " and f.id < :after")
                + " order by f.id desc limit :limit").bind("limit", limit + 1);
        if (organiserId != null) {
            spec = spec.bind("user", organiserId);
        }
        if (afterId != null) {
            spec = spec.bind("after", afterId);
        }
        return spec.map(FairQueries::cardOf).all();
    }

    /** The fairs the user's enterprise registered for (any status but drafts), latest start first. */
    Flux<Participation> ofUser(long userId) {
        return db.sql(CARD.replace(" from fair f", ", p.id as pid, p.status as pstatus, p.role as prole, p.reason as preason from fair f")
                        + """
                         \sjoin fair_participant p on p.fair_id = f.id
                         where p.enterprise_id = (select enterprise_id from app_user where id = :user)
                           and f.status <> 'DRAFT'
                         order by f.starts_at desc, f.id desc limit 100""")
                .bind("user", userId)
                .map(row -> new Participation(cardOf(row), new Mine(row.get("pid", Long.class),
                        ParticipantStatus.valueOf(row.get("pstatus", String.class)),
                        ParticipantRole.valueOf(row.get("prole", String.class)), row.get("preason", String.class))))
                .all();
    }

    static Card cardOf(Readable row) {
        return new Card(row.get("id", Long.class), row.get("title", String.class),
                FairKind.valueOf(row.get("kind", String.class)), FairMode.valueOf(row.get("mode", String.class)),
                FairVisibility.valueOf(row.get("visibility", String.class)),
                FairStatus.valueOf(row.get("status", String.class)), row.get("starts_at", Instant.class),
                row.get("ends_at", Instant.class), row.get("region", String.class), row.get("venue", String.class),
                row.get("organiser", String.class), row.get("cover_file_id", Long.class),
                row.get("capacity", Integer.class), row.get("approved", Long.class));
    }
}
