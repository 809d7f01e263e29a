package fr.cnfs.applications;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.ApiDocument;
import fr.cnfs.testkit.Safeguards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What stands in front of every operation of applications-service: token verification (issuer, audience, expiry,
 * signature), security headers, CORS for the front ends, the paging cap and Idempotency-Key on every creation.
 */
@QuarkusTest
class SafeguardsTest {

    @Test
    void expiredTamperedWronglySignedOrMisaddressedTokensGet401() {
        Safeguards.assertTokensVerified("GET", "/webhooks");
    }

    @Test
    void answersCarryTheSecurityHeadersAndCorsServesOnlyTheFrontEnds() {
        Safeguards.assertSecurityHeaders("/applications", Tokens.admin());
        Safeguards.assertCors("/applications");
    }

    @Test
    void listsAreCappedAt100PerPage() {
        Safeguards.assertPagingCapped("/applications", Tokens.admin());
    }

    @Test
    void everyCreationTakesAnIdempotencyKey() {
        var creations = Safeguards.assertCreationsIdempotent(ApiDocument.served());
        System.out.println("[idempotency] applications-service creations: " + creations);
    }
}
