package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.Fixtures.TestStructure;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every command the table does not allow from a status is a 409 that changes nothing. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class IllegalTransitionsTest {

    private record Command(String name, Set<String> allowedFrom) {
    }

    private static final Command[] COMMANDS = {
            new Command("update", Set.of("DRAFT", "CHANGES_REQUESTED")),
            new Command("submit", Set.of("DRAFT")),
            new Command("start-review", Set.of("SUBMITTED")),
            new Command("request-changes", Set.of("UNDER_REVIEW")),
            new Command("resubmit", Set.of("CHANGES_REQUESTED")),
            new Command("approve", Set.of("UNDER_REVIEW")),
            new Command("reject", Set.of("UNDER_REVIEW")),
            new Command("withdraw", Set.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED")),
            new Command("prefect-opinion", Set.of("SUBMITTED", "UNDER_REVIEW")) };

    @Test
    void everyIllegalTransitionIsAConflictThatChangesNothing() {
        String campaign = Fixtures.openCampaign(1000);
        Map<String, Application> byStatus = new LinkedHashMap<>();
        byStatus.put("DRAFT", create(campaign, structure -> Fixtures.draft(structure, campaign, 2, 12)));
        byStatus.put("SUBMITTED", create(campaign, structure -> Fixtures.submitted(structure, campaign, 2)));
        byStatus.put("UNDER_REVIEW", create(campaign, structure -> Fixtures.underReview(structure, campaign, 2)));
        byStatus.put("CHANGES_REQUESTED", create(campaign, structure -> Fixtures.changesRequested(structure, campaign, 2)));
        byStatus.put("APPROVED", create(campaign, structure -> Fixtures.approved(structure, campaign, 2, 1)));
        byStatus.put("REJECTED", create(campaign, structure -> Fixtures.rejected(structure, campaign, 2)));
        byStatus.put("WITHDRAWN", create(campaign, structure -> Fixtures.withdrawn(structure, campaign, 2)));
        int granted = given().auth().oauth2(Tokens.admin()).when().get("/campaigns/" + campaign)
                .then().extract().path("postsGranted");

        int refusals = 0;
        for (var entry : byStatus.entrySet()) {
            String status = entry.getKey();
            Application application = entry.getValue();
            assertEquals(status, Fixtures.status(application.id()));
            Snapshot before = snapshot(application.id());
            for (Command command : COMMANDS) {
                if (command.allowedFrom().contains(status)) {
                    continue;
                }
                send(command.name(), application).then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:cnfs:problem:illegal-transition"));
                refusals++;
            }
            assertEquals(before, snapshot(application.id()), "nothing changed on the " + status + " application");
        }
        assertEquals(7 * COMMANDS.length - 14, refusals);
        given().auth().oauth2(Tokens.admin()).when().get("/campaigns/" + campaign)
                .then().body("postsGranted", equalTo(granted));
    }

    private record Application(String id, TestStructure structure) {
    }

    private record Snapshot(String status, int version, int historyEntries, String body) {
    }

    private static Application create(String campaign, java.util.function.Function<TestStructure, String> build) {
        TestStructure structure = Fixtures.association(Fixtures.PARIS, "75");
        return new Application(build.apply(structure), structure);
    }

    private static Snapshot snapshot(String id) {
        var application = given().auth().oauth2(Tokens.admin()).when().get("/applications/" + id).then()
                .statusCode(200).extract();
        int history = given().auth().oauth2(Tokens.admin()).when().get("/applications/" + id + "/history").then()
                .statusCode(200).extract().path("totalItems");
        return new Snapshot(application.path("status"), application.path("version"), history,
                application.body().asString());
    }

    private static Response send(String command, Application application) {
        String path = "/applications/" + application.id();
        String owner = application.structure().token();
        return switch (command) {
            case "update" -> as(owner).body(Map.of("postsRequested", 1)).when().patch(path);
            case "submit" -> as(owner).when().post(path + "/submit");
            case "resubmit" -> as(owner).when().post(path + "/resubmit");
            case "withdraw" -> as(owner).when().post(path + "/withdraw");
            case "start-review" -> as(Tokens.instructeur()).when().post(path + "/start-review");
            case "request-changes" -> as(Tokens.instructeur()).body(Map.of("message", "Précisez."))
                    .when().post(path + "/request-changes");
            case "approve" -> as(Tokens.instructeur()).body(Map.of("postsGranted", 1, "decisionNumber", "COSELEC 9"))
                    .when().post(path + "/approve");
            case "reject" -> as(Tokens.instructeur()).body(Map.of("reason", "INCOMPLETE_APPLICATION"))
                    .when().post(path + "/reject");
            case "prefect-opinion" -> as(Tokens.prefet("75")).body(Map.of("opinion", "FAVORABLE", "comment", "Oui."))
                    .when().post(path + "/prefect-opinion");
            default -> throw new IllegalArgumentException(command);
        };
    }
}
