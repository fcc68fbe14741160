package io.livehall.showcase.merchant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Selection rounds: organisers create and watch them; enterprises see the ones open now. */
@RestController
@Tag(name = "入驻遴选批次", description = "组织方创建批次（名额、起止时间）；企业查看可申请的批次")
@SecurityRequirement(name = "bearer")
class RoundController {

    private final RoundService rounds;

    RoundController(RoundService rounds) {
        this.rounds = rounds;
    }

    @PostMapping("/api/organiser/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建遴选批次（组织方）")
    Mono<RoundView> create(@Valid @RequestBody RoundRequest request, @AuthenticationPrincipal Jwt jwt) {
        return rounds.create(request, Long.parseLong(jwt.getSubject()));
    }

    @GetMapping("/api/organiser/rounds")
    @Operation(summary = "全部遴选批次及实时数据：已收申请、待审、已通过、剩余名额（组织方）")
    Flux<RoundView> list() {
        return rounds.all();
    }

    @GetMapping("/api/organiser/rounds/{id}")
    @Operation(summary = "一个遴选批次及实时数据（组织方）")
    Mono<RoundView> one(@PathVariable long id) {
        return rounds.find(id);
    }

    @GetMapping("/api/rounds/open")
    @Operation(summary = "当前可申请入驻的遴选批次")
    Flux<OpenRound> open() {
        return rounds.open();
    }
}
