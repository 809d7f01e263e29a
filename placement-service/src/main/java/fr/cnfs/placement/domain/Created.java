package fr.cnfs.placement.domain;

/** A created resource, or the one an earlier request with the same Idempotency-Key created. */
public record Created<T>(T resource, boolean replayed) {
}
