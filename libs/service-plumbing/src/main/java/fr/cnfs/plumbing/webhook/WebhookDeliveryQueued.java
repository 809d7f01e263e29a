package fr.cnfs.plumbing.webhook;

/**
 * Fired inside the writing transaction when an event queued at least one delivery; the dispatcher observes it after
 * commit to deliver at once. An event no partner subscribed to does not wake it.
 */
public record WebhookDeliveryQueued(int deliveries) {
}
