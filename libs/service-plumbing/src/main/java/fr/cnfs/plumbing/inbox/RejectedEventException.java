package fr.cnfs.plumbing.inbox;

/**
 * Thrown by a handler when an event can never be applied: malformed, inconsistent, or refused by a business rule.
 * The event goes to the dead-letter topic with this message as its reason, and the partition moves on.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
