package fr.cnfs.contracts.events;

/**
 * Where this library ships the AsyncAPI document of the topics and the JSON Schema (draft-07) of each event type's
 * payload, as class-path resources.
 */
public final class EventSchemas {

    /** The AsyncAPI 3 document: every topic, dead-letter topic and event type, with the CloudEvents headers. */
    public static final String ASYNCAPI = "asyncapi/asyncapi.yaml";

    private EventSchemas() {
    }

    /** The payload schema of an event type, e.g. {@code asyncapi/schemas/fr.cnfs.application.approved.v1.json}. */
    public static String payloadSchemaOf(String eventType) {
        return "asyncapi/schemas/" + eventType + ".json";
    }
}
