package fr.cnfs.plumbing.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cnfs.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its response are kept. */
    @WithDefault("24h")
    Duration retention();

    /** A key whose first request has not answered after this long is considered abandoned and may be reused. */
    @WithDefault("60s")
    Duration abandonedAfter();
}
