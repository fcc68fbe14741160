package io.livehall.fair.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.livehall.fair.IndustryTaxonomy.Industry;
import io.livehall.fair.ListingSide;
import io.livehall.fair.listing.DirectoryViews.Directory;
import io.livehall.fair.listing.DirectoryViews.Entry;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of published directories. Publishing is one statement: the listings valid in the period are picked, the
 * directory row (with their count) and its frozen entries written together, so the count always matches the rows.
 */
@Repository
class DirectoryRepository {

    private static final String DIRECTORY = """
            select id, fair_id, title, period_label, period_start, period_end, entry_count, published_at
              from fair_directory""";
    private static final String ENTRY = """
            select position, listing_id, enterprise_name, side, title, description, category, category_name, keywords,
                   region, quantity, amount_min_fen, amount_max_fen, valid_until
              from fair_directory_entry""";

    private final DatabaseClient db;

    DirectoryRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Publishes the snapshot: the active listings of the enterprises approved for any of {@code fairIds}, created
     * before the period ends and valid at its start or later, ordered supply first, then by category, enterprise, id.
     */
    Mono<Long> publish(long organiserId, Long fairId, List<Long> fairIds, String title, Quarter period,
                       List<Industry> categories, Instant now) {
        var spec = db.sql("""
                        with picked as (
                            select l.id, e.name as enterprise_name, l.side, l.title, l.description, l.category,
                                   coalesce(t.name, l.category) as category_name, l.keywords, l.region, l.quantity,
                                   l.amount_min_fen, l.amount_max_fen, l.valid_until
                              from fair_listing l join enterprise e on e.id = l.enterprise_id
                              left join unnest(cast(:codes as text[]), cast(:names as text[])) as t(code, name)
                                     on t.code = l.category
                             where l.participant_id is null and l.status = 'ACTIVE' and l.created_at < :end and l.valid_until >= :start
                               and l.enterprise_id in (select p.enterprise_id from fair_participant p
                                                        where p.fair_id = any(:fairs) and p.status = 'APPROVED')),
                        dir as (
                            insert into fair_directory (organiser_id, fair_id, title, period_label, period_start,
                                                        period_end, entry_count, published_at)
                            select :organiser, :fair, :title, :label, :periodStart, :periodEnd, count(*), :now
                              from picked
                            returning id),
                        entries as (
                            insert into fair_directory_entry (directory_id, position, listing_id, enterprise_name, side,
                                                              title, description, category, category_name, keywords,
                                                              region, quantity, amount_min_fen, amount_max_fen,
                                                              valid_until)
                            select dir.id, (row_number() over (order by p.side desc, p.category, p.enterprise_name,
                                                                      p.id))::int - 1,
                                   p.id, p.enterprise_name, p.side, p.title, p.description, p.category, p.category_name,
                                   p.keywords, p.region, p.quantity, p.amount_min_fen, p.amount_max_fen, p.valid_until
                              from picked p cross join dir
                            returning 1)
                        select id from dir""")
                .bind("codes", categories.stream().map(Industry::code).toArray(String[]::new))
                .bind("names", categories.stream().map(Industry::name).toArray(String[]::new))
                .bind("start", period.startInstant()).bind("end", period.endInstant())
                .bind("fairs", fairIds.toArray(Long[]::new)).bind("organiser", organiserId)
                .bind("title", title).bind("label", period.label()).bind("periodStart", period.start())
                .bind("periodEnd", period.end()).bind("now", now);
        spec = fairId == null ? spec.bindNull("fair", Long.class) : spec.bind("fair", fairId);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /** The published public fairs among these ids (a directory of all one's fairs lists no closed-door fair). */
    Flux<Long> publicPublished(List<Long> fairIds) {
        return db.sql("""
                        select id from fair where id = any(:ids) and status = 'PUBLISHED' and visibility = 'PUBLIC'
                         order by id""")
                .bind("ids", fairIds.toArray(Long[]::new)).map(row -> row.get("id", Long.class)).all();
    }

    Mono<Directory> find(long id) {
        return db.sql(DIRECTORY + " where id = :id").bind("id", id).map(DirectoryRepository::directoryOf).one();
    }

    /** A fair's directories, newest first. */
    Flux<Directory> ofFair(long fairId) {
        return db.sql(DIRECTORY + " where fair_id = :fair order by id desc").bind("fair", fairId)
                .map(DirectoryRepository::directoryOf).all();
    }

    /** The directories an organiser published, newest first. */
    Flux<Directory> publishedBy(long organiserId) {
        return db.sql(DIRECTORY + " where organiser_id = :o order by id desc").bind("o", organiserId)
                .map(DirectoryRepository::directoryOf).all();
    }

    /** Entries after {@code afterPosition} (-1: from the start), at most {@code limit}. */
    Flux<Entry> entries(long directoryId, int afterPosition, int limit) {
        return db.sql(ENTRY + " where directory_id = :d and position > :after order by position limit :limit")
                .bind("d", directoryId).bind("after", afterPosition).bind("limit", limit)
                .map(DirectoryRepository::entryOf).all();
    }

    static Directory directoryOf(Readable row) {
        return new Directory(row.get("id", Long.class), row.get("fair_id", Long.class), row.get("title", String.class),
                row.get("period_label", String.class), row.get("period_start", LocalDate.class),
                row.get("period_end", LocalDate.class), row.get("entry_count", Integer.class),
                row.get("published_at", Instant.class));
    }

    static Entry entryOf(Readable row) {
        String[] keywords = row.get("keywords", String[].class);
        return new Entry(row.get("position", Integer.class), row.get("listing_id", Long.class),
                row.get("enterprise_name", String.class), ListingSide.valueOf(row.get("side", String.class)),
                row.get("title", String.class), row.get("description", String.class), row.get("category", String.class),
                row.get("category_name", String.class),
                keywords == null ? List.of() : List.copyOf(Arrays.asList(keywords)), row.get("region", String.class),
                row.get("quantity", String.class), row.get("amount_min_fen", Long.class),
                row.get("amount_max_fen", Long.class), row.get("valid_until", Instant.class));
    }
}
