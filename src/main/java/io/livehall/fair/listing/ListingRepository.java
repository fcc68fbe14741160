package io.livehall.fair.listing;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.fair.ListingSide;
import io.livehall.fair.listing.ListingViews.Attachment;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of listings and their attachments. A fair's listings are those of the enterprises approved for it, read through
 * the participants' index and the active listings' index (V26); {@code ?q=} of three or more characters goes through
 * the trigram index, of one or two through the grams index, as the course library does.
 */
@Repository
class ListingRepository {

    static final String LISTING = """
            select l.id, l.enterprise_id, e.name as enterprise_name, l.side, l.title, l.description, l.category,
                   l.keywords, l.region, l.quantity, l.amount_min_fen, l.amount_max_fen, l.valid_until, l.status,
                   l.created_at, l.updated_at
              from (select * from fair_listing where participant_id is null) l
              join enterprise e on e.id = l.enterprise_id""";

    /** A listing as stored. */
    record Row(long id, long enterpriseId, String enterpriseName, ListingSide side, String title, String description,
               String category, List<String> keywords, String region, String quantity, Long amountMinFen,
               Long amountMaxFen, Instant validUntil, String status, Instant createdAt, Instant updatedAt) {
    }

    private final DatabaseClient db;

    ListingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The enterprise the user belongs to; empty when none. */
    Mono<Long> enterpriseOf(long userId) {
        return db.sql("select enterprise_id from app_user where id = :u and enterprise_id is not null")
                .bind("u", userId).map(row -> row.get("enterprise_id", Long.class)).one();
    }

    Mono<Row> find(long id) {
        return db.sql(LISTING + " where l.id = :id").bind("id", id).map(ListingRepository::rowOf).one();
    }

    /** One page ({@code limit + 1} rows) of an enterprise's listings, newest first. */
    Flux<Row> ofEnterprise(long enterpriseId, Long afterId, int limit) {
        var spec = db.sql(LISTING + " where l.enterprise_id = :e" + (afterId == null ? "" : " and l.id < :after")
                        + " order by l.id desc limit :limit")
                .bind("e", enterpriseId).bind("limit", limit + 1);
        return (afterId == null ? spec : spec.bind("after", afterId)).map(ListingRepository::rowOf).all();
    }

    /** One page ({@code limit + 1} rows) of a fair's listings: approved participants', active and valid at {@code now}. */
    Flux<Row> ofFair(long fairId, ListingFilter f, Instant now, int limit) {
        StringBuilder sql = new StringBuilder(LISTING).append('\n').append("""
                 where l.enterprise_id in (select p.enterprise_id from fair_participant p
                                            where p.fair_id = :fair and p.status = 'APPROVED')
                   and l.status = 'ACTIVE' and l.valid_until > :now""");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("fair", fairId);
        binds.put("now", now);
        binds.put("limit", limit + 1);
        if (f.text() != null) {
            if (f.text().codePointCount(0, f.text().length()) >= 3) {
                String escaped = f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                sql.append(" and fair_listing_text(l.title, l.description, l.keywords) ilike :pattern");
                binds.put("pattern", "%" + escaped + "%");
            } else {
                sql.append(" and l.search_grams @> array[lower(:grams)]");
                binds.put("grams", f.text());
            }
        }
        if (f.side() != null) {
            sql.append(" and l.side = :side");
            binds.put("side", f.side().name());
        }
        if (f.category() != null) {
            sql.append(" and starts_with(l.category, :category)");
            binds.put("category", f.category());
        }
        if (f.region() != null) {
            // within one fair's listings (already narrowed by the participants' index): a contained-in test is cheap
            sql.append(" and strpos(l.region, :region) > 0");
            binds.put("region", f.region());
        }
        if (f.amountMinFen() != null || f.amountMaxFen() != null) {
            sql.append(" and (l.amount_min_fen is not null or l.amount_max_fen is not null)");
        }
        if (f.amountMinFen() != null) {
            sql.append(" and (l.amount_max_fen is null or l.amount_max_fen >= :amountMin)");
            binds.put("amountMin", f.amountMinFen());
        }
        if (f.amountMaxFen() != null) {
            sql.append(" and (l.amount_min_fen is null or l.amount_min_fen <= :amountMax)");
            binds.put("amountMax", f.amountMaxFen());
        }
        if (f.afterId() != null) {
            sql.append(" and l.id < :after");
            binds.put("after", f.afterId());
        }
        sql.append(" order by l.id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(ListingRepository::rowOf).all();
    }

    /** Whether the listing shows at the fair now: active, valid, of an enterprise approved for it. */
    Mono<Boolean> shownAt(long fairId, long listingId, Instant now) {
        return db.sql("""
                        select exists (select 1 from fair_listing l
                                        join fair_participant p on p.enterprise_id = l.enterprise_id
                                       where l.id = :id and p.fair_id = :fair and p.status = 'APPROVED'
                                         and l.participant_id is null and l.status = 'ACTIVE' and l.valid_until > :now) as shown""")
                .bind("id", listingId).bind("fair", fairId).bind("now", now)
                .map(row -> Boolean.TRUE.equals(row.get("shown", Boolean.class))).one();
    }

    /** The attachments of these listings, in each one's order. */
    Mono<Map<Long, List<Attachment>>> attachments(List<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select m.listing_id, f.id, f.original_name, f.content_type, f.size_bytes
                          from fair_listing_file m join stored_file f on f.id = m.file_id
                         where m.listing_id = any(:ids) order by m.listing_id, m.position""")
                .bind("ids", listingIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("listing_id", Long.class), new Attachment(row.get("id", Long.class),
                        row.get("original_name", String.class), row.get("content_type", String.class),
                        row.get("size_bytes", Long.class))))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(m -> {
                    Map<Long, List<Attachment>> out = new LinkedHashMap<>();
                    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
                    return out;
                });
    }

    /** Whether the file is attached to the listing. */
    Mono<Boolean> attached(long listingId, long fileId) {
        return db.sql("select exists (select 1 from fair_listing_file where listing_id = :l and file_id = :f) as yes")
                .bind("l", listingId).bind("f", fileId)
                .map(row -> Boolean.TRUE.equals(row.get("yes", Boolean.class))).one();
    }

    Mono<Long> insert(long enterpriseId, long userId, ListingRequest r) {
        return bind(db.sql("""
                        insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords,
                                                  region, quantity, amount_min_fen, amount_max_fen, valid_until)
                        values (:enterprise, :user, :side, :title, :description, :category, :keywords, :region,
                                :quantity, :min, :max, :validUntil) returning id"""), r)
                .bind("enterprise", enterpriseId).bind("user", userId)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Updates an active listing of the enterprise; 0 when it is withdrawn (or not the enterprise's). */
    Mono<Long> update(long id, long enterpriseId, ListingRequest r, Instant now) {
        return bind(db.sql("""
                        update fair_listing set side = :side, title = :title, description = :description,
                               category = :category, keywords = :keywords, region = :region, quantity = :quantity,
                               amount_min_fen = :min, amount_max_fen = :max, valid_until = :validUntil, updated_at = :now
                         where id = :id and enterprise_id = :enterprise and status = 'ACTIVE' and participant_id is null"""), r)
                .bind("id", id).bind("enterprise", enterpriseId).bind("now", now).fetch().rowsUpdated();
    }

    /** ACTIVE → WITHDRAWN; 0 when it was withdrawn already. */
    Mono<Long> withdraw(long id, long enterpriseId, Instant now) {
        return db.sql("""
                        update fair_listing set status = 'WITHDRAWN', updated_at = :now
                         where id = :id and enterprise_id = :enterprise and status = 'ACTIVE' and participant_id is null""")
                .bind("id", id).bind("enterprise", enterpriseId).bind("now", now).fetch().rowsUpdated();
    }

    Mono<Void> replaceFiles(long id, List<Long> fileIds) {
        Mono<Long> delete = db.sql("delete from fair_listing_file where listing_id = :id").bind("id", id)
                .fetch().rowsUpdated();
        if (fileIds.isEmpty()) {
            return delete.then();
        }
        return delete.then(db.sql("""
                        insert into fair_listing_file (listing_id, file_id, position)
                        select :id, t.file_id, t.n - 1 from unnest(cast(:ids as bigint[])) with ordinality as t(file_id, n)""")
                .bind("id", id).bind("ids", fileIds.toArray(Long[]::new)).fetch().rowsUpdated()).then();
    }

    /** Active listings valid at {@code now} of the fair's approved participants (the LISTINGS figure). */
    Mono<Long> countActive(io.livehall.fair.FairSelection fairs, Instant now) {
        // one row per (fair, enterprise): a listing counts once per selected fair its enterprise is approved in
        return db.sql("""
                        select count(*) as n from fair_listing l
                          join fair_participant p on p.enterprise_id = l.enterprise_id
                         where (:all or p.fair_id = any(:fairs)) and p.status = 'APPROVED'
                           and l.participant_id is null and l.status = 'ACTIVE' and l.valid_until > :now""")
                .bind("all", fairs.all()).bind("fairs", fairs.ids()).bind("now", now).map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ListingRequest r) {
        spec = spec.bind("side", r.side().name()).bind("title", r.title().strip())
                .bind("description", r.descriptionOrEmpty()).bind("category", r.category().strip())
                .bind("keywords", r.keywordList().toArray(String[]::new)).bind("region", r.region().strip())
                .bind("validUntil", r.validUntil());
        spec = r.quantityOrNull() == null ? spec.bindNull("quantity", String.class) : spec.bind("quantity", r.quantityOrNull());
        spec = r.amountMinFen() == null ? spec.bindNull("min", Long.class) : spec.bind("min", r.amountMinFen());
        return r.amountMaxFen() == null ? spec.bindNull("max", Long.class) : spec.bind("max", r.amountMaxFen());
    }

    static Row rowOf(Readable row) {
        String[] keywords = row.get("keywords", String[].class);
        return new Row(row.get("id", Long.class), row.get("enterprise_id", Long.class),
                row.get("enterprise_name", String.class), ListingSide.valueOf(row.get("side", String.class)),
                row.get("title", String.class), row.get("description", String.class), row.get("category", String.class),
                keywords == null ? List.of() : List.copyOf(Arrays.asList(keywords)), row.get("region", String.class),
                row.get("quantity", String.class), row.get("amount_min_fen", Long.class),
                row.get("amount_max_fen", Long.class), row.get("valid_until", Instant.class),
                row.get("status", String.class), row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
