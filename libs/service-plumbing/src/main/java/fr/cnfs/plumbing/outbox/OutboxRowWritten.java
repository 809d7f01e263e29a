package fr.cnfs.plumbing.outbox;

/** Fired inside the writing transaction; the relay observes it after commit to publish at once. */
public record OutboxRowWritten(String topic) {
}
