package fr.cnfs.plumbing.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@link VerifiedTokenCache}: how many verified tokens a service keeps, and for how long at most. */
@ConfigMapping(prefix = "cnfs.security.verified-tokens")
public interface VerifiedTokenConfig {

    /** Tokens kept at once; the least used go first. 0 verifies every request in full. */
    @WithDefault("10000")
    long maxEntries();

    /** The longest a verified token is kept, even when it expires later. */
    @WithDefault("5m")
    Duration maxAge();
}
