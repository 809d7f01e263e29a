package fr.cnfs.testkit;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Assertions;

import fr.cnfs.devstack.DevKeys;
import io.restassured.response.Response;

/** The checks in front of every operation: token verification, security headers, CORS, paging cap, idempotency. */
public final class Safeguards {

    private Safeguards() {
    }

    /** Claims as the issuer mints them for an admin, valid for ten minutes. */
    private static JwtClaims adminClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevKeys.ISSUER);
        claims.setAudience(DevKeys.AUDIENCE);
        claims.setSubject("admin-token-check");
        claims.setClaim("upn", "admin-token-check");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setStringListClaim("groups", "admin");
        return claims;
    }

    /**
     * Every way a token can be wrong gets 401 with a problem document, while the same request with a good token passes
     * authentication. {@code method} and {@code path} name an admin operation that needs no body.
     */
    public static void assertTokensVerified(String method, String path) {
        DevKeys keys = DevKeys.current();
        // The genuine token is verified, then kept (VerifiedTokenCache): its altered copies below must still fail.
        String genuine = keys.sign(adminClaims());
        int good = call(method, path, genuine).statusCode();
        Assertions.assertTrue(good / 100 == 2, "a good admin token got " + good);

        Map<String, String> wrong = new LinkedHashMap<>();
        JwtClaims expired = adminClaims();
        expired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 7200));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        wrong.put("expired", keys.sign(expired));
        JwtClaims noExpiry = adminClaims();
        noExpiry.unsetClaim("exp");
        wrong.put("without expiry", keys.sign(noExpiry));
        JwtClaims otherIssuer = adminClaims();
        otherIssuer.setIssuer("https://evil.example");
        wrong.put("of another issuer", keys.sign(otherIssuer));
        JwtClaims otherAudience = adminClaims();
        otherAudience.setAudience("another-api");
        wrong.put("for another audience", keys.sign(otherAudience));
        JwtClaims notYet = adminClaims();
        notYet.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
        wrong.put("not valid yet", keys.sign(notYet));

        String[] parts = genuine.split("\\.");
        JwtClaims escalated = adminClaims();
        escalated.setStringListClaim("groups", "admin", "finance");
        wrong.put("tampered", parts[0] + "." + base64(escalated.toJson()) + "." + parts[2]);
        wrong.put("with its signature cut", parts[0] + "." + parts[1] + ".");
        wrong.put("unsigned (alg none)", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        wrong.put("signed by another key", signWithAnotherKey(adminClaims()));
        wrong.put("not a JWT", "not.a.jwt");
        wrong.put("empty", "");

        // A token accepted (and kept) while valid is refused once it has expired, as if it had never been seen.
        JwtClaims shortLived = adminClaims();
        shortLived.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 2));
        String expiring = keys.sign(shortLived);
        int whileValid = call(method, path, expiring).statusCode();
        Assertions.assertTrue(whileValid / 100 == 2, "a token valid for 2 s got " + whileValid);
        // Past its expiry plus the verifier's clock skew (2 s in tests, mp.jwt.verify.clock.skew).
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> call(method, path, expiring).statusCode() == 401);

        wrong.forEach((what, token) -> {
            Response response = call(method, path, token);
            Assertions.assertEquals(401, response.statusCode(), "a token " + what + " on " + method + " " + path);
            Assertions.assertTrue(AccessMatrix.isProblem(response), "a token " + what + ": " + response.contentType());
            Assertions.assertFalse(response.asString().contains("Exception"), response.asString());
        });
    }

    private static Response call(String method, String path, String token) {
        return given().header("Authorization", "Bearer " + token).when().request(method, path).then().extract().response();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signWithAnotherKey(JwtClaims claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            JsonWebSignature signature = new JsonWebSignature();
            signature.setPayload(claims.toJson());
            signature.setKey(generator.generateKeyPair().getPrivate());
            signature.setKeyIdHeaderValue("cnfs-dev");
            signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return signature.getCompactSerialization();
        } catch (NoSuchAlgorithmException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API answers, errors included, carry the security headers an API should have. */
    public static void assertSecurityHeaders(String path, String token) {
        for (Response response : List.of(given().auth().oauth2(token).when().get(path).then().extract().response(),
                given().when().get(path).then().extract().response())) {
            Assertions.assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            Assertions.assertEquals("DENY", response.header("X-Frame-Options"), path);
            Assertions.assertEquals("no-referrer", response.header("Referrer-Policy"), path);
            Assertions.assertNotNull(response.header("Strict-Transport-Security"), path);
            Assertions.assertEquals("default-src 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"), path);
            Assertions.assertEquals("no-store", response.header("Cache-Control"), path);
        }
    }

    /** A front-end origin may call the API from a browser; another origin gets no CORS grant. */
    public static void assertCors(String path) {
        Response allowed = given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match")
                .when().options(path).then().extract().response();
        Assertions.assertEquals(200, allowed.statusCode(), "preflight " + path);
        Assertions.assertEquals("http://localhost:3000", allowed.header("Access-Control-Allow-Origin"));
        String allowedHeaders = String.valueOf(allowed.header("Access-Control-Allow-Headers")).toLowerCase();
        Assertions.assertTrue(allowedHeaders.contains("idempotency-key") && allowedHeaders.contains("authorization"),
                allowedHeaders);
        Response denied = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options(path).then().extract().response();
        Assertions.assertNull(denied.header("Access-Control-Allow-Origin"), "CORS granted to https://evil.example");
    }

    /** A list refuses pages above the cap with a problem, and serves the cap itself. */
    public static void assertPagingCapped(String path, String token) {
        for (String size : List.of("101", "100000", "0", "-1")) {
            Response response = given().auth().oauth2(token).queryParam("size", size).when().get(path).then().extract()
                    .response();
            Assertions.assertEquals(400, response.statusCode(), path + "?size=" + size);
            Assertions.assertTrue(AccessMatrix.isProblem(response));
        }
        Assertions.assertEquals(200, given().auth().oauth2(token).queryParam("size", 100).when().get(path).statusCode());
    }

    /** Every creation (a POST documented with 201) declares the Idempotency-Key header; the matrix replays each. */
    public static List<String> assertCreationsIdempotent(ApiDocument document) {
        List<String> creations = document.operations().stream().filter(ApiDocument.Operation::creates)
                .map(ApiDocument.Operation::key).toList();
        Assertions.assertFalse(creations.isEmpty(), "no creation found in the document");
        for (ApiDocument.Operation operation : document.operations()) {
            if (operation.creates()) {
                Assertions.assertTrue(operation.hasParameter("header", "Idempotency-Key"),
                        operation.key() + " creates but does not take an Idempotency-Key");
            }
        }
        return creations;
    }
}
