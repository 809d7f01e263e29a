package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The funding of one post, named by the post id the decision assigned. */
@Entity
public class PostFunding extends PanacheEntityBase {

    @Id
    public UUID postId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id")
    public Grant grant;

    public BigDecimal amount;

    @Version
    public long version;
}
