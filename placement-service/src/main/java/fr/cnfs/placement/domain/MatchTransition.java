package fr.cnfs.placement.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in a match's history: which command, who issued it, when. */
@Entity
public class MatchTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID matchId;
    @Enumerated(EnumType.STRING)
    public MatchState fromState;
    @Enumerated(EnumType.STRING)
    public MatchState toState;
    public String command;
    public String actor;
    public String detail;
    public Instant occurredAt;
}
