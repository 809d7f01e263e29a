package fr.cnfs.placement.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A mise en relation: an adviser proposed for a post, up to the contract and its end. */
@Entity
@Table(name = "placement_match")
public class Match extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID postId;
    public UUID conseillerId;
    /** The post's structure, copied so that a structure's matches are listed without a join. */
    public String siret;
    @Enumerated(EnumType.STRING)
    public MatchState state;
    @Enumerated(EnumType.STRING)
    public Proximity proximity;
    /** The contract proposed or signed on this match, the latest one if a recruitment was cancelled. */
    public UUID contractId;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;
}
