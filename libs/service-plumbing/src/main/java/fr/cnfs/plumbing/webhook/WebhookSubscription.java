package fr.cnfs.plumbing.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's subscription: which event types to deliver to which URL, signed with which secret. */
@Entity
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes;
    /** Needed in clear to sign; never returned by the API. */
    public String secret;
    public boolean active;
    public String createdBy;
    public Instant createdAt;
    public Instant deletedAt;
    @Version
    public long version;
}
