package fr.cnfs.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The public rule sets and simulations: no token, and the worked examples to the cent. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class FundingRulesAndSimulationTest {

    @Test
    void theRuleSetsArePublicAndCarryTheConfiguredOverseasTable() {
        given().when().get("/funding-rules").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].phase", equalTo("PHASE_1")).body("[0].effectiveFrom", equalTo("2021-01-01"))
                .body("[0].effectiveTo", equalTo("2022-12-31"))
                .body("[0].categories.find { it.category == 'PUBLIC' }.baseAmount", equalTo(50000.00f))
                .body("[0].categories.find { it.category == 'PRIVATE' }.referenceMonths", equalTo(18))
                .body("[0].categories[0].tranches.share", equalTo(java.util.List.of(0.50f, 0.30f, 0.20f)))
                .body("[0].replacementWindowMonths", equalTo(3))
                .body("[0].overseasIncrease.'971'", equalTo(0.40f))
                .body("[0].overseasIncrease.'989'", equalTo(0.15f))
                .body("[1].phase", equalTo("PHASE_2")).body("[1].effectiveTo", nullValue());
        given().when().get("/funding-rules/PHASE_2").then().statusCode(200)
                .body("minimumMonths", equalTo(36))
                .body("categories.find { it.category == 'PUBLIC' }.tranches.amount", equalTo(java.util.List.of(17500.00f, 12500.00f, 12500.00f)))
                .body("categories.find { it.category == 'PUBLIC' }.tranches.priorityAreaBonus", hasItem(5000.00f));
        given().when().get("/funding-rules/PHASE_9").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theWorkedExamplesToTheCent() {
        simulate(question("PUBLIC", "69123", null, 24, 1)).statusCode(200)
                .body("territoryCode", equalTo("69")).body("territoryZone", equalTo("METRO"))
                .body("amountPerPost", equalTo(50000.00f)).body("overseasIncrease", nullValue())
                .body("tranches.amount", equalTo(java.util.List.of(25000.00f, 15000.00f, 10000.00f)))
                .body("tranches.occupiedDaysThreshold", equalTo(java.util.List.of(0, 360, 720)))
                .body("tranches[0].trigger", containsString("first contract"));
        // Pointe-à-Pitre, Guadeloupe: +40 %.
        simulate(question("PUBLIC", "97120", null, 24, 2)).statusCode(200)
                .body("territoryCode", equalTo("971")).body("territoryZone", equalTo("DROM"))
                .body("amountPerPost", equalTo(70000.00f)).body("totalAmount", equalTo(140000.00f))
                .body("mainlandAmountPerPost", equalTo(50000.00f))
                .body("overseasIncrease.rate", equalTo(0.40f)).body("overseasIncrease.amount", equalTo(20000.00f))
                .body("tranches.amount", equalTo(java.util.List.of(35000.00f, 21000.00f, 14000.00f)));
        simulate(question("PUBLIC", null, "69", 18, 1)).statusCode(200).body("amountPerPost", equalTo(37500.00f))
                .body("fundedDays", equalTo(540));
        simulate(question("PRIVATE", null, "75", 18, 3)).statusCode(200).body("amountPerPost", equalTo(40000.00f))
                .body("totalAmount", equalTo(120000.00f));
        simulate(question("PRIVATE", null, "75", 24, 1)).statusCode(200).body("amountPerPost", equalTo(40000.00f))
                .body("fundedMonths", equalTo(18));
        // Clipperton's rate is set by configuration in the tests: 50,000 × 1.15.
        simulate(question("PUBLIC", null, "989", 24, 1)).statusCode(200).body("amountPerPost", equalTo(57500.00f))
                .body("territoryZone", equalTo("COM"));

        Map<String, Object> renewal = question("PUBLIC", null, "69", 36, 1);
        renewal.put("phase", "PHASE_2");
        renewal.put("qpv", true);
        simulate(renewal).statusCode(200).body("amountPerPost", equalTo(50000.00f)).body("priorityAreaBonus", equalTo(true))
                .body("tranches.amount", equalTo(java.util.List.of(20000.00f, 17500.00f, 12500.00f)));
        renewal.put("qpv", false);
        simulate(renewal).statusCode(200).body("amountPerPost", equalTo(42500.00f));
    }

    @Test
    void invalidInputIs400AndADurationOutsideThePhaseIs422() {
        simulate(question(null, "69123", null, 24, 1)).statusCode(400).body("violations.field", hasItem("category"));
        simulate(question("MIXED", "69123", null, 24, 1)).statusCode(400).body("violations.field", hasItem("category"));
        simulate(question("PUBLIC", null, null, 24, 1)).statusCode(400).body("violations[0].field", equalTo("communeCode"));
        simulate(question("PUBLIC", "99999", null, 24, 1)).statusCode(400).body("violations[0].field", equalTo("communeCode"));
        simulate(question("PUBLIC", null, "999", 24, 1)).statusCode(400).body("violations[0].field", equalTo("territoryCode"));
        simulate(question("PUBLIC", "69123", "971", 24, 1)).statusCode(400).body("violations[0].field", equalTo("territoryCode"));
        simulate(question("PUBLIC", "69123", null, 24, 0)).statusCode(400).body("violations.field", hasItem("posts"));
        simulate(question("PUBLIC", "69123", null, null, 1)).statusCode(400).body("violations.field", hasItem("contractMonths"));
        Map<String, Object> unknownPhase = question("PUBLIC", "69123", null, 24, 1);
        unknownPhase.put("phase", "PHASE_9");
        simulate(unknownPhase).statusCode(400).body("violations[0].field", equalTo("phase"));
        given().contentType("application/json").body("{\"category\": \"PUBLIC\", \"contractMonths\": \"two years\"}")
                .when().post("/funding-simulations").then().statusCode(400).contentType("application/problem+json");

        simulate(question("PUBLIC", "69123", null, 6, 1)).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:contract-duration")).body("detail", containsString("from 12 to 36 months"));
        Map<String, Object> shortRenewal = question("PUBLIC", "69123", null, 24, 1);
        shortRenewal.put("phase", "PHASE_2");
        simulate(shortRenewal).statusCode(422).body("detail", containsString("exactly 36 months"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        for (String path : new String[] { "/funding-rules/{phase}", "/funding-simulations", "/grants/{id}/statement",
                "/tranches/{id}/payment", "/recoveries/{id}/settlement", "/reports/budget", "/admin/tranche-evaluations",
                "/admin/parked-events" }) {
            org.junit.jupiter.api.Assertions.assertTrue(document.contains("\"" + path + "\""), path);
        }
        org.junit.jupiter.api.Assertions.assertTrue(document.contains("urn:cnfs:problem:payment-amount"));
    }

    private static Map<String, Object> question(String category, String commune, String territory, Integer months, int posts) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("communeCode", commune);
        body.put("territoryCode", territory);
        body.put("contractMonths", months);
        body.put("posts", posts);
        return body;
    }

    private static ValidatableResponse simulate(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/funding-simulations").then();
    }
}
