package fr.cnfs.contracts.events;

import java.time.LocalDate;
import java.util.UUID;

/** The post is given back and will not be refilled. */
public record PostReturned(
        UUID postId,
        UUID applicationId,
        LocalDate returnedOn) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.post.returned.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.PLACEMENTS; }
    @Override public String aggregateType() { return "post"; }
    @Override public String aggregateId() { return postId.toString(); }
}
