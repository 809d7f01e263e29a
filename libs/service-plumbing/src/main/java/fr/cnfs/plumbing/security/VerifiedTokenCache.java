package fr.cnfs.plumbing.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token once, then answers with its verified claims until the token expires. A front end or a
 * partner system sends the same token with every request, and verifying it each time (RSA signature, JSON, claims)
 * took about a tenth of a service's CPU under load (bench/, JFR).
 *
 * <p>Only a token that passed every check of smallrye-jwt is kept, under its exact text, so a token that differs by
 * one character is verified in full. An entry lives until the token's own expiry, or the end of its allowed age
 * ({@code mp.jwt.verify.token.age}) when that comes first, and never longer than
 * {@code cnfs.security.verified-tokens.max-age}: the cache never accepts a token that smallrye-jwt would refuse for
 * its time. Other operations go straight to smallrye-jwt.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokenCache(DefaultJWTParser verifier, JWTAuthContextInfo rules, VerifiedTokenConfig config) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(config.maxEntries())
                .expireAfter(new UntilExpiry(rules.getTokenAge(), config.maxAge())).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        verified.put(token, checked);
        return checked;
    }

    /** The number of tokens kept now. */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** An entry expires with its token (exp, or iat + the allowed token age), and after max-age at the latest. */
    record UntilExpiry(Long tokenAgeSeconds, Duration maxAge) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            return nanosToLive(jwt.getExpirationTime(), jwt.getIssuedAtTime(), System.currentTimeMillis());
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

        /** Zero (not kept) for a token without expiry, or at the end of its time already. */
        long nanosToLive(long expiresAtEpochSecond, long issuedAtEpochSecond, long nowEpochMilli) {
            if (expiresAtEpochSecond <= 0) {
                return 0;
            }
            long endEpochSecond = expiresAtEpochSecond;
            if (tokenAgeSeconds != null) {
                endEpochSecond = Math.min(endEpochSecond, issuedAtEpochSecond + tokenAgeSeconds);
            }
            long untilEnd = Duration.ofSeconds(endEpochSecond).minusMillis(nowEpochMilli).toNanos();
            return Math.max(0, Math.min(untilEnd, maxAge.toNanos()));
        }
    }
}
