package fr.cnfs.plumbing.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cnfs.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of this service's events. */
    @WithDefault("/cnfs/${quarkus.application.name}")
    String source();

    Relay relay();

    interface Relay {

        /** Off only in narrow tests that look at outbox rows without a broker. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows a wake-up did not cover (broker down, crash, another instance). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest wait after consecutive failures. */
        @WithDefault("10s")
        Duration maxBackoff();

        @WithDefault("200")
        int batchSize();

        /** How long a batch waits for the broker's acknowledgements before it is retried. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Published rows are kept this long for audit, then deleted. */
        @WithDefault("7d")
        Duration retention();
    }
}
