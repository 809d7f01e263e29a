package fr.cnfs.plumbing.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cnfs.inbox")
public interface InboxConfig {

    /** Names this service in the inbox and in its dead-letter topic; shared by all its instances. */
    @WithDefault("${quarkus.application.name}")
    String consumerName();

    /** Attempts at an event that keeps failing for a reason that is not a passing fault, before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
