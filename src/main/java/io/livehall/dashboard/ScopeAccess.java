package io.livehall.dashboard;

import java.time.Clock;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.text.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may watch which scope: organisers and admins, and a merchant's users (others 403); {@code showcase} every
 * organiser and admin (the service centre runs it, and every organiser's events are shown alongside it), and so every
 * merchant's {@code merchant-<id>} too; a merchant's user its own merchant's and nothing else (another merchant's 404, the other
 * scopes 403; a user whose enterprise is no merchant is like a viewer, 403); a series or a fair its organisers
 * (creator, co-organisers) and admins, anyone else 404 as the fair pages answer; {@code platform} admins only (403);
 * {@code mine} everyone allowed at all (an admin's is the platform). The same rule guards the REST endpoints and
 * {@code /topic/dashboard/{scope}/overview}.
 */
@Component
class ScopeAccess {

    /** A scope the caller may watch, with what it covers. */
    record Resolved(Scope scope, String title, Members members) {
    }

    static final String DASHBOARD = "看板";
    /** how many series and fairs {@code mine} covers at most (the newest) */
    static final int MINE_MAX = 200;

    private final DashboardReads reads;
    private final MerchantScopes merchants;
    private final Clock clock;

    ScopeAccess(DashboardReads reads, MerchantScopes merchants, Clock clock) {
        this.reads = reads;
        this.merchants = merchants;
        this.clock = clock;
    }

    Mono<Resolved> resolve(Watcher who, String text) {
        if (!who.admin() && !who.organiser()) {
            return who.merchant() ? ownMerchant(who, text) : Mono.error(forbidden());
        }
        Scope scope = Scope.parse(text).orElse(null);
        if (scope == null) {
            return Mono.error(ApiProblem.notFound(DASHBOARD));
        }
        return switch (scope.kind()) {
            case MERCHANT -> merchants.byId(scope.id()).map(ScopeAccess::merchantScope)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(DASHBOARD)));
            case SHOWCASE -> Mono.just(new Resolved(scope, "直播展厅", Members.SHOWCASE));
            case PLATFORM -> who.admin() ? Mono.just(new Resolved(scope, "全平台", Members.EVERYTHING))
                    : Mono.error(forbidden());
            case MINE -> mineOf(who, scope);
            case TRAINING -> reads.seriesRunBy(who, scope.id())
                    .map(s -> new Resolved(scope, s.title(), new Members(false, false, java.util.List.of(s.id()), java.util.List.of())))
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(DASHBOARD)));
            case FAIR -> reads.fairRunBy(who, scope.id(), clock.instant())
                    .map(f -> new Resolved(scope, f.title(), new Members(false, false, java.util.List.of(), java.util.List.of(f.id()))))
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(DASHBOARD)));
        };
    }

    /** A merchant's user: its own merchant's scope; another merchant's 404, any other scope 403, no merchant 403. */
    private Mono<Resolved> ownMerchant(Watcher who, String text) {
        Scope scope = Scope.parse(text).orElse(null);
        if (scope != null && scope.kind() != Scope.Kind.MERCHANT) {
            return Mono.error(forbidden());
        }
        return merchants.ofUser(who.userId())
                .switchIfEmpty(Mono.error(ScopeAccess::forbidden))
                .flatMap(own -> scope != null && own.id() == scope.id() ? Mono.just(merchantScope(own))
                        : Mono.error(ApiProblem.notFound(DASHBOARD)));
    }

    private static Resolved merchantScope(DashboardReads.Titled merchant) {
        return new Resolved(Scope.merchant(merchant.id()), merchant.title(), Members.merchant(merchant.id()));
    }

    /**
     * The merchants an organiser or admin may pick (all of them; by name, live ones first, at most
     * {@link MerchantScopes#LIST_MAX}); others 403, a query over {@link MerchantScopes#QUERY_MAX} characters or with
     * control characters 400.
     */
    Flux<DashboardViews.ScopeView> merchants(Watcher who, String query) {
        if (!who.admin() && !who.organiser()) {
            return Flux.error(forbidden());
        }
        String problem = query == null ? null : query.length() > MerchantScopes.QUERY_MAX
                ? "最多 " + MerchantScopes.QUERY_MAX + " 个字" : TextRules.problem(query, false);
        if (problem != null) {
            String message = "搜索词" + problem;
            return Flux.error(new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-merchant-query", message,
                    java.util.List.of(new FieldProblem("q", message))));
        }
        return merchants.search(query, MerchantScopes.LIST_MAX)
                .map(m -> new DashboardViews.ScopeView(Scope.merchant(m.id()).name(), "MERCHANT", m.title(), m.live()));
    }

    /**
     * Whether the caller may subscribe to the scope's topic: as on REST, but plain {@code mine} (shared by every
     * subscriber) only for admins, whose {@code mine} is everything; an organiser subscribes to {@code mine-<id>}.
     */
    Mono<Boolean> allowsTopic(Watcher who, String text) {
        if ("mine".equals(text) && !who.admin()) {
            return Mono.just(false);
        }
        return resolve(who, text).hasElement().onErrorReturn(false);
    }

    /** What a topic's snapshot shows (its subscribers were checked by {@link #allowsTopic}). */
    Mono<Resolved> forTopic(String text) {
        Scope scope = Scope.parse(text).orElse(null);
        if (scope != null && scope.kind() == Scope.Kind.MINE && scope.id() > 0) {
            return resolve(new Watcher(scope.id(), false, true), text);
        }
        return resolve(new Watcher(0, true, false), text);
    }

    /** The caller's {@code mine} (plain, or {@code mine-<their id>}; an admin may look at any organiser's). */
    private Mono<Resolved> mineOf(Watcher who, Scope scope) {
        if (scope.id() == 0) {
            Scope named = who.admin() ? scope : new Scope(Scope.Kind.MINE, who.userId());
            return mine(who).map(members -> new Resolved(named, "我的活动", members));
        }
        if (!who.admin() && who.userId() != scope.id()) {
            return Mono.error(ApiProblem.notFound(DASHBOARD));
        }
        return mine(new Watcher(scope.id(), false, true)).map(members -> new Resolved(scope, "我的活动", members));
    }

    /** What {@code mine} covers: an admin's is everything; an organiser's the showcase and the events they run. */
    Mono<Members> mine(Watcher who) {
        if (who.admin()) {
            return Mono.just(Members.EVERYTHING);
        }
        return Mono.zip(reads.series(who, MINE_MAX).map(DashboardReads.Titled::id).collectList(),
                        reads.fairs(who, clock.instant(), MINE_MAX).map(DashboardReads.Titled::id).collectList())
                .map(t -> new Members(true, false, t.getT1(), t.getT2()));
    }

    /**
     * The scopes the caller may watch, live ones first (an organiser's merchants are picked apart, {@link #merchants});
     * a merchant's user: its own merchant's.
     */
    Flux<DashboardViews.ScopeView> scopes(Watcher who) {
        if (!who.admin() && !who.organiser()) {
            return !who.merchant() ? Flux.error(forbidden()) : merchants.ofUser(who.userId())
                    .switchIfEmpty(Mono.error(ScopeAccess::forbidden))
                    .map(m -> new DashboardViews.ScopeView(Scope.merchant(m.id()).name(), "MERCHANT", m.title(), m.live()))
                    .flux();
        }
        Flux<DashboardViews.ScopeView> fixed = reads.showcaseLive().flatMapMany(showcaseLive -> {
            Flux<DashboardViews.ScopeView> views = Flux.just(
                    new DashboardViews.ScopeView(who.admin() ? "mine" : "mine-" + who.userId(), "MINE", "我的活动", showcaseLive),
                    new DashboardViews.ScopeView("showcase", "SHOWCASE", "直播展厅", showcaseLive));
            return who.admin() ? views.concatWithValues(new DashboardViews.ScopeView("platform", "PLATFORM", "全平台", showcaseLive))
                    : views;
        });
        Flux<DashboardViews.ScopeView> series = reads.series(who, MINE_MAX)
                .map(s -> new DashboardViews.ScopeView(Scope.training(s.id()).name(), "TRAINING", s.title(), s.live()));
        Flux<DashboardViews.ScopeView> fairs = reads.fairs(who, clock.instant(), MINE_MAX)
                .map(f -> new DashboardViews.ScopeView(Scope.fair(f.id()).name(), "FAIR", f.title(), f.live()));
        return Flux.concat(fixed, series, fairs).collectList()
                .flatMapIterable(all -> all.stream()
                        .sorted(java.util.Comparator.comparing((DashboardViews.ScopeView v) -> !v.live()))
                        .toList());
    }

    static ApiProblem forbidden() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "dashboard-forbidden", "只有主办方和管理员可以查看此看板");
    }
}
