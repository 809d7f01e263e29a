package fr.cnfs.funding;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.AccessMatrix;
import fr.cnfs.testkit.HostileInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Invalid requests generated from the OpenAPI document: each gets a 4xx problem, none a 5xx, and nothing changes. */
@QuarkusTest
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    @Test
    void everyInvalidRequestIsRefusedWithAProblemAndChangesNothing() {
        FundingAccessRows rows = new FundingAccessRows(new FundingScenario(objectMapper), clock);
        given().auth().oauth2(Tokens.finance()).contentType("application/json").body(Map.of("receivedOn",
                LocalDate.now().toString(), "amount", "1.00", "reference", "REV-" + UUID.randomUUID())).when()
                .post("/recoveries/" + rows.recovery() + "/settlement").then().statusCode(200);
        HostileInput.assertHarmless(FundingAccessRows.SERVICE, new AccessMatrix(FundingAccessRows.SERVICE, rows.rows()),
                dataSource);
    }
}
