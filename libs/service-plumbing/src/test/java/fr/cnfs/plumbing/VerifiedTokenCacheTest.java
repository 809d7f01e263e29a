package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
        JWTParser inUse = io.quarkus.arc.ClientProxy.unwrap(parser);
        assertEquals(VerifiedTokenCache.class, inUse.getClass());
        VerifiedTokenCache cache = (VerifiedTokenCache) inUse;
        long before = cache.size();

        String token = DevKeys.current().mint("cache-check", List.of("admin"), Map.of(), Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/webhooks").then().statusCode(200);
        }
        assertEquals(before + 1, cache.size(), "three requests, one token kept");
        assertEquals(token, parser.parse(token).getRawToken());

        String expired = DevKeys.current().mint("cache-check", List.of("admin"), Map.of(), Duration.ofHours(-1));
        given().auth().oauth2(expired).when().get("/webhooks").then().statusCode(401);
        assertEquals(before + 1, cache.size(), "a refused token is not kept");
    }
}
