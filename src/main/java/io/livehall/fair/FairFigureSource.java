package io.livehall.fair;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * A feature's share of a fair's KPIs (screening counts enterprises, listings its listings, and so on), read from
 * PostgreSQL. The KPI feature ({@code fair.pipeline}) sums every source bean; a figure no source reports is 0.
 */
public interface FairFigureSource {

    Mono<Map<FairFigure, Long>> figures(long fairId);
}
