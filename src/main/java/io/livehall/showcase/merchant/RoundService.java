package io.livehall.showcase.merchant;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Selection rounds (遴选批次): a quota and a window in which applications are accepted. */
@Service
class RoundService {

    private final RoundRepository rounds;

    RoundService(RoundRepository rounds) {
        this.rounds = rounds;
    }

    Mono<RoundView> create(RoundRequest request, long organiserId) {
        if (!request.closesAt().isAfter(request.opensAt())) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("closesAt", "截止时间需晚于开始时间"))));
        }
        return rounds.insert(request, organiserId).flatMap(rounds::find);
    }

    Flux<RoundView> all() {
        return rounds.all();
    }

    Mono<RoundView> find(long id) {
        return rounds.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("遴选批次")));
    }

    Flux<OpenRound> open() {
        return rounds.open();
    }
}
