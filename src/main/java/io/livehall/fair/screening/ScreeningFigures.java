package io.livehall.fair.screening;

import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Screening's share of a fair's KPIs: ENTERPRISES (registered, not withdrawn) and APPROVED. */
@Component
class ScreeningFigures implements FairFigureSource {

    private final DatabaseClient db;

    ScreeningFigures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return db.sql("""
                        select count(*) filter (where status <> 'WITHDRAWN') as enterprises,
                               count(*) filter (where status = 'APPROVED') as approved
                          from fair_participant where (:all or fair_id = any(:fairs))""")
                .bind("all", fairs.all()).bind("fairs", fairs.ids())
                .map(row -> Map.of(FairFigure.ENTERPRISES, row.get("enterprises", Long.class),
                        FairFigure.APPROVED, row.get("approved", Long.class)))
                .one();
    }
}
