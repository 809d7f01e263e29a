package fr.cnfs.placement;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.ApiDocument;
import fr.cnfs.testkit.Safeguards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What stands in front of every operation of placement-service: token verification (issuer, audience, expiry,
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
        Safeguards.assertSecurityHeaders("/matches", Tokens.admin());
        Safeguards.assertCors("/matches");
    }

    @Test
    void listsAreCappedAt100PerPage() {
        Safeguards.assertPagingCapped("/matches", Tokens.admin());
    }

    @Test
    void everyCreationTakesAnIdempotencyKey() {
        var creations = Safeguards.assertCreationsIdempotent(ApiDocument.served());
        System.out.println("[idempotency] placement-service creations: " + creations);
    }
}
