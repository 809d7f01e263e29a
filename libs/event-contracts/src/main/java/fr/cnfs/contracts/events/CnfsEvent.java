package fr.cnfs.contracts.events;

/**
 * An event one service publishes for the others. The record components are the JSON payload;
 * these accessors give the CloudEvents envelope and the Kafka routing, and are not serialized
 * because they are not bean getters.
 */
public interface CnfsEvent {

    /** CloudEvents {@code ce_type}, versioned: a breaking change is a new type. */
    String eventType();

    /** The topic of the owning aggregate. */
    String topic();

    /** Name of the aggregate, e.g. {@code application}. */
    String aggregateType();

    /** The Kafka record key and CloudEvents {@code ce_subject}: events of one aggregate stay in order. */
    String aggregateId();
}
