package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevKeys;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.plumbing.security.VerifiedTokenCache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** The service verifies bearer tokens through the cache, which keeps verified tokens only (Safeguards: expiry). */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceAndARefusedOneIsNeverKept() throws Exception {
        assertEquals(VerifiedTokenCache.class, io.quarkus.arc.ClientProxy.unwrap(parser).getClass());
        VerifiedTokenCache cache = (VerifiedTokenCache) io.quarkus.arc.ClientProxy.unwrap(parser);
        long before = cache.size();

        String token = DevKeys.current().sign(adminClaims());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/webhooks").then().statusCode(200);
        }
        assertEquals(before + 1, cache.size(), "three requests, one token kept");
        assertEquals(token, parser.parse(token).getRawToken());

        JwtClaims otherAudience = adminClaims();
        otherAudience.setAudience("another-api");
        given().auth().oauth2(DevKeys.current().sign(otherAudience)).when().get("/webhooks").then().statusCode(401);
        assertEquals(before + 1, cache.size(), "a refused token is not kept");
    }

    private static JwtClaims adminClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevKeys.ISSUER);
        claims.setAudience(DevKeys.AUDIENCE);
        claims.setSubject("cache-check");
        claims.setClaim("upn", "cache-check");
        claims.setJwtId(java.util.UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setStringListClaim("groups", "admin");
        return claims;
    }
}
