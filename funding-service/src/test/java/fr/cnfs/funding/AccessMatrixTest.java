package fr.cnfs.funding;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.AccessMatrix;
import fr.cnfs.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;

/** The authorization matrix of funding-service over every operation of its OpenAPI document, and its documented table. */
@QuarkusTest
class AccessMatrixTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    @Test
    void everyOperationOfTheDocumentHasItsRowAndEveryRowHolds() {
        FundingAccessRows rows = new FundingAccessRows(new FundingScenario(objectMapper), clock);
        // A first settlement so that the recovery is listed as PARTIALLY_SETTLED whatever the order of the rows.
        given().auth().oauth2(Tokens.finance()).contentType("application/json").body(Map.of("receivedOn",
                LocalDate.now().toString(), "amount", "1.00", "reference", "REV-" + UUID.randomUUID())).when()
                .post("/recoveries/" + rows.recovery() + "/settlement").then().statusCode(200);
        new AccessMatrix(FundingAccessRows.SERVICE, rows.rows()).verify(ApiDocument.served());
    }

    @Test
    void theDocumentedMatrixIsTheTestedOne() {
        new AccessMatrix(FundingAccessRows.SERVICE, new FundingAccessRows(new FundingScenario(objectMapper), clock).rows())
                .assertDocumented(Path.of("..", "docs", "security-matrix.md"));
    }
}
