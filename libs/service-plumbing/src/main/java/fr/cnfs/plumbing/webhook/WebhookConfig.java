package fr.cnfs.plumbing.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cnfs.webhooks")
public interface WebhookConfig {

    @WithDefault("true")
    boolean dispatcherEnabled();

    /** The event types partners may subscribe to here: the ones this service publishes. Unset: every known type. */
    Optional<List<String>> publishedTypes();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("10s")
    Duration requestTimeout();

    /** Wait after the first failed attempt; it doubles at each further failure, up to {@link #maxBackoff()}. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** After this many failed attempts a delivery is FAILED and the next events of the aggregate go on. */
    @WithDefault("15")
    int maxAttempts();
}
