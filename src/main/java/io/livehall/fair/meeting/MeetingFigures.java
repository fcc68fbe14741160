package io.livehall.fair.meeting;

import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The meetings' share of a fair's KPIs: MEETINGS_BOOKED (booked, held or missed — not cancelled), MEETINGS_HELD,
 * NO_SHOWS.
 */
@Component
class MeetingFigures implements FairFigureSource {

    private final DatabaseClient db;

    MeetingFigures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return db.sql("""
                        select count(*) filter (where status in ('BOOKED', 'HELD', 'NO_SHOW')) as booked,
                               count(*) filter (where status = 'HELD') as held,
                               count(*) filter (where status = 'NO_SHOW') as no_shows
                          from fair_meeting where (:all or fair_id = any(:fairs))""")
                .bind("all", fairs.all()).bind("fairs", fairs.ids())
                .map(row -> Map.of(FairFigure.MEETINGS_BOOKED, row.get("booked", Long.class),
                        FairFigure.MEETINGS_HELD, row.get("held", Long.class),
                        FairFigure.NO_SHOWS, row.get("no_shows", Long.class)))
                .one();
    }
}
