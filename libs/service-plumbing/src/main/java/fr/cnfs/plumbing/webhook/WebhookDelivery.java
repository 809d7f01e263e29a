package fr.cnfs.plumbing.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The delivery log, as the API shows it; rows are written by SQL in {@link WebhookDeliveries}. */
@Entity
@Immutable
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public Long seq;
    public UUID subscriptionId;
    public UUID eventId;
    public String eventType;
    public String aggregateId;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Integer lastStatusCode;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;

    @ElementCollection
    @CollectionTable(name = "webhook_delivery_attempt", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderBy("attempt")
    public List<Attempt> attemptLog = new ArrayList<>();

    @Embeddable
    public static class Attempt {
        public int attempt;
        public Instant attemptedAt;
        public Integer statusCode;
        @Column(length = 2000)
        public String error;
        public long durationMs;
    }
}
