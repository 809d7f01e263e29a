package fr.cnfs.placement;

import static fr.cnfs.testkit.Access.ANY;
import static fr.cnfs.testkit.Access.LIST_OWN_PROFILE;
import static fr.cnfs.testkit.Access.LIST_OWN_SIRET;
import static fr.cnfs.testkit.Access.OWN_PROFILE;
import static fr.cnfs.testkit.Access.OWN_SIRET;
import static fr.cnfs.testkit.Identities.ADMIN;
import static fr.cnfs.testkit.Identities.CONSEILLER;
import static fr.cnfs.testkit.Identities.INSTRUCTEUR;
import static fr.cnfs.testkit.Identities.STRUCTURE;
import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.AccessMatrix;
import fr.cnfs.testkit.AccessRow;
import fr.cnfs.testkit.ApiDocument;
import fr.cnfs.testkit.Call;
import fr.cnfs.testkit.Identities;
import fr.cnfs.testkit.PlumbingRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The authorization matrix of placement-service over every operation of its OpenAPI document, and the table of
 * docs/security-matrix.md checked against it.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String SERVICE = "placement-service";
    private static final String LYON = "69123";

    /** A structure with an open post, an adviser with an account of its own, and possibly a match between them. */
    record World(String siret, UUID postId, String adviserSubject, UUID adviserId) {

        static World build() {
            String siret = Fixtures.newSiret();
            UUID postId = Fixtures.openPost(siret, LYON);
            String subject = "conseiller-" + UUID.randomUUID();
            UUID adviserId = UUID.fromString(given().auth().oauth2(Tokens.conseiller(subject)).contentType(ContentType.JSON)
                    .body(Fixtures.profile(LYON, "COMMUNE", Fixtures.today().minusMonths(1).toString()))
                    .when().post("/conseillers").then().statusCode(201).extract().path("id"));
            return new World(siret, postId, subject, adviserId);
        }

        UUID match() {
            return Fixtures.match(siret, postId, adviserId);
        }

        /** The owner of the world's objects for that role, and a stranger of the same role. */
        Call as(String role, Call call) {
            return switch (role == null ? ADMIN : role) {
                case STRUCTURE -> call.as(Tokens.structure(siret)).stranger(Identities.strangerStructure());
                case CONSEILLER -> call.as(Tokens.conseiller(adviserSubject)).stranger(Identities.strangerConseiller());
                default -> call.as(Tokens.forRole(role));
            };
        }
    }

    private static Map<String, Object> rupture() {
        return Map.of("date", Fixtures.today().toString(), "reason", "RESIGNATION");
    }

    /** A command or read on a match in some state; structures own it by SIRET, advisers by their profile. */
    private static AccessRow onMatch(String method, String command, java.util.function.Function<World, UUID> state,
            Object body, Map<String, fr.cnfs.testkit.Access> roles) {
        AccessRow row = AccessRow.of(method, "/matches/{id}" + command);
        roles.forEach((role, how) -> row.allow(how, role));
        return row.fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/matches/" + state.apply(world) + command).body(body));
        });
    }

    private static UUID shortlisted(World world) {
        return Fixtures.shortlisted(world.siret(), world.postId(), world.adviserId());
    }

    private static UUID recruited(World world) {
        return Fixtures.recruited(world.siret(), world.postId(), world.adviserId());
    }

    private static UUID finalized(World world) {
        return Fixtures.finalized(world.siret(), world.postId(), world.adviserId());
    }

    private static UUID ruptureDeclared(World world) {
        UUID matchId = finalized(world);
        given().auth().oauth2(Tokens.structure(world.siret())).contentType(ContentType.JSON).body(rupture())
                .when().post("/matches/" + matchId + "/declare-rupture").then().statusCode(200);
        return matchId;
    }

    static List<AccessRow> rows() {
        var structureOrAdmin = Map.of(STRUCTURE, OWN_SIRET, ADMIN, ANY);
        var adminOnly = Map.of(ADMIN, ANY);
        List<AccessRow> rows = new ArrayList<>();

        rows.add(AccessRow.of("POST", "/conseillers").allow(ANY, CONSEILLER, ADMIN).fixture(role -> Call.to("/conseillers")
                .as(CONSEILLER.equals(role) ? Identities.strangerConseiller() : Tokens.admin())
                .body(Fixtures.profile(LYON, "COMMUNE", Fixtures.today().minusMonths(1).toString()))));
        rows.add(AccessRow.of("GET", "/conseillers").allow(LIST_OWN_PROFILE, CONSEILLER).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/conseillers").listing(world.adviserId()));
        }));
        rows.add(AccessRow.of("GET", "/conseillers/me").allow(ANY, CONSEILLER)
                .fixture(role -> Call.to("/conseillers/me").as(Tokens.conseiller(World.build().adviserSubject()))));
        rows.add(AccessRow.of("GET", "/conseillers/{id}").allow(OWN_PROFILE, CONSEILLER).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/conseillers/" + world.adviserId()));
        }));
        rows.add(AccessRow.of("PATCH", "/conseillers/{id}").allow(OWN_PROFILE, CONSEILLER).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/conseillers/" + world.adviserId()).body(Map.of("phone", "06 11 22 33 44")));
        }));
        rows.add(AccessRow.of("POST", "/conseillers/{id}/training").allow(OWN_PROFILE, CONSEILLER).allow(ANY, ADMIN)
                .fixture(role -> {
                    World world = World.build();
                    return world.as(role, Call.to("/conseillers/" + world.adviserId() + "/training")
                            .body(Map.of("action", "ENROL", "date", "2024-01-10", "hoursCompleted", 0)));
                }));

        rows.add(AccessRow.of("POST", "/matches").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/matches").body(Map.of("postId", world.postId(), "conseillerId", world.adviserId())));
        }));
        rows.add(AccessRow.of("GET", "/matches").allow(LIST_OWN_SIRET, STRUCTURE).allow(LIST_OWN_PROFILE, CONSEILLER)
                .allow(ANY, ADMIN).fixture(role -> {
                    World world = World.build();
                    UUID matchId = world.match();
                    return world.as(role, Call.to("/matches").query("postId", world.postId()).listing(matchId));
                }));
        rows.add(onMatch("GET", "", World::match, null, Map.of(STRUCTURE, OWN_SIRET, CONSEILLER, OWN_PROFILE, ADMIN, ANY)));
        rows.add(onMatch("POST", "/shortlist", World::match, null, structureOrAdmin));
        rows.add(onMatch("POST", "/decline", World::match, Map.of("reason", "Profil éloigné du besoin"), structureOrAdmin));
        rows.add(onMatch("POST", "/recruit", AccessMatrixTest::shortlisted, Fixtures.CONTRACT, structureOrAdmin));
        rows.add(onMatch("POST", "/cancel-recruitment", AccessMatrixTest::recruited, null, structureOrAdmin));
        rows.add(onMatch("POST", "/finalize", AccessMatrixTest::recruited, null, adminOnly));
        rows.add(onMatch("POST", "/declare-rupture", AccessMatrixTest::finalized, rupture(), structureOrAdmin));
        rows.add(onMatch("POST", "/validate-rupture", AccessMatrixTest::ruptureDeclared, null, adminOnly));
        rows.add(onMatch("POST", "/cancel-rupture", AccessMatrixTest::ruptureDeclared, null, adminOnly));

        // Newest first: the world's post is on the first page. A structure naming another SIRET gets 400, so none is named.
        rows.add(AccessRow.of("GET", "/posts").allow(LIST_OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/posts").query("departement", "69").query("size", 100).listing(world.postId()));
        }));
        rows.add(AccessRow.of("GET", "/posts/{id}").allow(OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/posts/" + world.postId()));
        }));
        rows.add(AccessRow.of("POST", "/posts/{id}/return").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/posts/" + world.postId() + "/return"));
        }));
        rows.add(AccessRow.of("GET", "/posts/{id}/candidates").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN).fixture(role -> {
            World world = World.build();
            return world.as(role, Call.to("/posts/" + world.postId() + "/candidates"));
        }));
        rows.add(AccessRow.of("POST", "/contracts/natural-ends").allow(ANY, ADMIN)
                .fixture(role -> Call.to("/contracts/natural-ends").query("asOf", "2020-01-01").as(Tokens.admin())));

        rows.addAll(PlumbingRows.all(Topics.APPLICATIONS, ApplicationApproved.TYPE, ContractStarted.TYPE));
        return rows;
    }

    @Test
    void everyOperationOfTheDocumentHasItsRowAndEveryRowHolds() {
        new AccessMatrix(SERVICE, rows()).verify(ApiDocument.served());
    }

    @Test
    void theDocumentedMatrixIsTheTestedOne() {
        new AccessMatrix(SERVICE, rows()).assertDocumented(Path.of("..", "docs", "security-matrix.md"));
    }
}
