package io.livehall.fair.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The matching benchmark's handles (infra/bench/matching): a full computation of a fair and the incremental update
 * after one listing changed, each timed, the full one with the heap's peak during it. Any account may call them;
 * they exist only with {@code livehall.bench.enabled=true}.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "livehall.bench.enabled", havingValue = "true")
class MatchingBenchController {

    record Timed(int listings, long matches, long millis, long heapBeforeMiB, long heapPeakMiB) {
    }

    private final MatchingRuns runs;

    MatchingBenchController(MatchingRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/bench/matching/fairs/{fairId}/full")
    Mono<Timed> full(@PathVariable long fairId) {
        return Mono.defer(() -> {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            return runs.full(fairId).map(r -> new Timed(r.listings(), r.matches(), r.millis(), before >> 20,
                    heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20));
        });
    }

    @PostMapping("/api/bench/matching/listings/{listingId}")
    Mono<Timed> listing(@PathVariable long listingId) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return runs.listingChanged(listingId)
                    .then(Mono.fromSupplier(() -> new Timed(1, 0, (System.nanoTime() - start) / 1_000_000, 0, 0)));
        });
    }
}
