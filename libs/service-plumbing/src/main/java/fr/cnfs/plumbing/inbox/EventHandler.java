package fr.cnfs.plumbing.inbox;

/** Applies one event inside the inbox transaction. */
@FunctionalInterface
public interface EventHandler<E> {

    void apply(E event, EventEnvelope envelope);
}
