package fr.cnfs.placement.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Moves a match through {@link MatchCommand} and writes the step into its history, in the caller's transaction. */
@ApplicationScoped
public class MatchHistory {

    private final Clock clock;

    MatchHistory(Clock clock) {
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void apply(Match match, MatchCommand command, String actor, String detail) {
        MatchState from = match.state;
        match.state = command.apply(from);
        match.updatedAt = now();
        record(match, from, command.apiName(), actor, detail, match.updatedAt);
    }

    /** The first step of a new match's history. */
    @Transactional(TxType.MANDATORY)
    public void created(Match match, String actor, String detail) {
        record(match, null, "create", actor, detail, match.createdAt);
    }

    private void record(Match match, MatchState from, String command, String actor, String detail, Instant at) {
        MatchTransition transition = new MatchTransition();
        transition.matchId = match.id;
        transition.fromState = from;
        transition.toState = match.state;
        transition.command = command;
        transition.actor = actor;
        transition.detail = detail;
        transition.occurredAt = at;
        transition.persist();
    }

    @Transactional(TxType.SUPPORTS)
    public List<MatchTransition> of(UUID matchId) {
        return MatchTransition.list("matchId = ?1 order by id", matchId);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
