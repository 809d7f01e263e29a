package fr.cnfs.funding;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.ApiDocument;
import fr.cnfs.testkit.Safeguards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What stands in front of every operation of funding-service: token verification (issuer, audience, expiry,
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
        Safeguards.assertSecurityHeaders("/grants", Tokens.admin());
        Safeguards.assertCors("/grants");
    }

    @Test
    void listsAreCappedAt100PerPage() {
        Safeguards.assertPagingCapped("/grants", Tokens.admin());
    }

    @Test
    void everyCreationTakesAnIdempotencyKey() {
        var creations = Safeguards.assertCreationsIdempotent(ApiDocument.served());
        System.out.println("[idempotency] funding-service creations: " + creations);
    }
}
