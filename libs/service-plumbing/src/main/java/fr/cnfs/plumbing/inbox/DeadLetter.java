package fr.cnfs.plumbing.inbox;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An inbox entry whose event was dead-lettered, as operators list it. */
@Entity
@Immutable
@Table(name = "inbox_entry")
@IdClass(DeadLetter.Key.class)
public class DeadLetter extends PanacheEntityBase {

    @Id
    public String consumer;
    @Id
    public String eventKey;
    public String eventType;
    public String outcome;
    public String reason;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public Instant processedAt;

    public record Key(String consumer, String eventKey) implements java.io.Serializable {
        public Key() {
            this(null, null);
        }
    }
}
