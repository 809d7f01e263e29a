package fr.cnfs.plumbing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How long a verified token is kept: never past its expiry, its allowed age or the cache's max age. */
class VerifiedTokenLifetimeTest {

    private static final long NOW_SECOND = 1_800_000_000L;
    private static final long NOW_MILLI = NOW_SECOND * 1000 + 250;

    @Test
    void aTokenIsKeptUntilItExpiresWithinTheMaxAge() {
        var lifetime = new VerifiedTokenCache.UntilExpiry(null, Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(60).minusMillis(250).toNanos(),
                lifetime.nanosToLive(NOW_SECOND + 60, NOW_SECOND - 10, NOW_MILLI));
        assertEquals(Duration.ofMinutes(5).toNanos(), lifetime.nanosToLive(NOW_SECOND + 3600, NOW_SECOND, NOW_MILLI));
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        var lifetime = new VerifiedTokenCache.UntilExpiry(null, Duration.ofMinutes(5));
        assertEquals(0, lifetime.nanosToLive(NOW_SECOND, NOW_SECOND - 60, NOW_MILLI));
        assertEquals(0, lifetime.nanosToLive(NOW_SECOND - 1, NOW_SECOND - 60, NOW_MILLI));
        assertEquals(0, lifetime.nanosToLive(0, NOW_SECOND, NOW_MILLI));
    }

    @Test
    void theAllowedTokenAgeEndsTheEntryWhenItComesFirst() {
        var lifetime = new VerifiedTokenCache.UntilExpiry(120L, Duration.ofMinutes(5));
        // Issued 100 s ago with a 120 s allowed age: 20 s left, although it expires in an hour.
        assertEquals(Duration.ofSeconds(20).minusMillis(250).toNanos(),
                lifetime.nanosToLive(NOW_SECOND + 3600, NOW_SECOND - 100, NOW_MILLI));
        assertEquals(0, lifetime.nanosToLive(NOW_SECOND + 3600, NOW_SECOND - 200, NOW_MILLI));
    }
}
