package fr.cnfs.applications;

import static fr.cnfs.testkit.Access.ANY;
import static fr.cnfs.testkit.Access.LIST_OWN_DEPARTEMENT;
import static fr.cnfs.testkit.Access.LIST_OWN_SIRET;
import static fr.cnfs.testkit.Access.OWN_DEPARTEMENT;
import static fr.cnfs.testkit.Access.OWN_SIRET;
import static fr.cnfs.testkit.Identities.ADMIN;
import static fr.cnfs.testkit.Identities.INSTRUCTEUR;
import static fr.cnfs.testkit.Identities.PREFET;
import static fr.cnfs.testkit.Identities.STRUCTURE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.Fixtures.TestStructure;
import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.AccessMatrix;
import fr.cnfs.testkit.AccessRow;
import fr.cnfs.testkit.ApiDocument;
import fr.cnfs.testkit.Call;
import fr.cnfs.testkit.Identities;
import fr.cnfs.testkit.PlumbingRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The authorization matrix of applications-service over every operation of its OpenAPI document, and the table of
 * docs/security-matrix.md checked against it.
 */
@QuarkusTest
@QuarkusTestResource(SelfReconciliationResource.class)
class AccessMatrixTest {

    static final String SERVICE = "applications-service";

    static List<AccessRow> rows() {
        List<AccessRow> rows = new ArrayList<>();
        rows.add(AccessRow.of("POST", "/structures").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN).fixture(role -> {
            String siret = Fixtures.siretOf(Fixtures.LYON_SIREN);
            // Registering another SIRET than the token's is refused by role rule: 403, nothing is disclosed.
            return Call.to("/structures").body(Fixtures.structureBody(siret, "COMMUNE", Fixtures.LYON))
                    .as(STRUCTURE.equals(role) ? Tokens.structure(siret) : Tokens.admin())
                    .stranger(Identities.strangerStructure()).strangerGets(403);
        }));
        rows.add(AccessRow.of("GET", "/structures").allow(LIST_OWN_SIRET, STRUCTURE).allow(LIST_OWN_DEPARTEMENT, PREFET)
                .allow(ANY, INSTRUCTEUR, ADMIN)
                .fixture(role -> {
                    TestStructure lyon = Fixtures.lyon();
                    return onLyonAs(role, lyon, Call.to("/structures").query("siret", lyon.siret()).listing(lyon.id()));
                }));
        rows.add(AccessRow.of("GET", "/structures/{id}").allow(OWN_SIRET, STRUCTURE).allow(OWN_DEPARTEMENT, PREFET)
                .allow(ANY, INSTRUCTEUR, ADMIN).fixture(role -> {
                    TestStructure lyon = Fixtures.lyon();
                    return onLyonAs(role, lyon, Call.to("/structures/" + lyon.id()));
                }));
        rows.add(AccessRow.of("PATCH", "/structures/{id}").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN)
                .fixture(role -> {
                    TestStructure lyon = Fixtures.lyon();
                    return onLyonAs(role, lyon, Call.to("/structures/" + lyon.id())
                            .body(Map.of("contact", Map.of("phone", "+33 4 72 10 30 31"))));
                }));

        rows.add(AccessRow.of("POST", "/campaigns").allow(ANY, INSTRUCTEUR, ADMIN).fixture(role -> Call.to("/campaigns")
                .as(Tokens.forRole(role)).body(Fixtures.campaignBody(Fixtures.today(), Fixtures.today().plusDays(30), 10,
                        List.of("PUBLIC"), "PHASE_1"))));
        rows.add(AccessRow.of("GET", "/campaigns").allow(ANY, STRUCTURE, PREFET, INSTRUCTEUR, ADMIN)
                .fixture(role -> Call.to("/campaigns").as(Identities.someone(role))));
        rows.add(AccessRow.of("GET", "/campaigns/{id}").allow(ANY, STRUCTURE, PREFET, INSTRUCTEUR, ADMIN)
                .fixture(role -> Call.to("/campaigns/" + Fixtures.openCampaign(5)).as(Identities.someone(role))));
        rows.add(AccessRow.of("GET", "/campaigns/{id}/reconciliation").allow(ANY, ADMIN)
                .fixture(role -> Call.to("/campaigns/" + Fixtures.openCampaign(5) + "/reconciliation").as(Tokens.admin())));

        rows.add(AccessRow.of("POST", "/applications").allow(OWN_SIRET, STRUCTURE).allow(ANY, ADMIN).fixture(role -> {
            TestStructure lyon = Fixtures.lyon();
            var body = Fixtures.applicationBody(lyon.id(), Fixtures.openCampaign(10), 1, Fixtures.MONTHS);
            // Another structure's id is answered as an unknown structure: 422, the same as a structure that does not exist.
            return onLyonAs(role, lyon, Call.to("/applications").body(body)).strangerGets(422);
        }));
        rows.add(applicationList("GET", "/applications", STRUCTURE, PREFET, INSTRUCTEUR, ADMIN));
        rows.add(applicationList("GET", "/applications/export", PREFET, INSTRUCTEUR, ADMIN));
        rows.add(onApplication("GET", "/applications/{id}", Fixtures::submitted, null, STRUCTURE, PREFET, INSTRUCTEUR, ADMIN));
        rows.add(onApplication("GET", "/applications/{id}/history", Fixtures::submitted, null, STRUCTURE, PREFET,
                INSTRUCTEUR, ADMIN));
        rows.add(onApplication("PATCH", "/applications/{id}", (s, c, n) -> Fixtures.draft(s, c, n, Fixtures.MONTHS),
                Map.of("postsRequested", 1), STRUCTURE, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/submit", (s, c, n) -> Fixtures.draft(s, c, n, Fixtures.MONTHS),
                null, STRUCTURE, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/resubmit", Fixtures::changesRequested, null, STRUCTURE, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/withdraw", (s, c, n) -> Fixtures.draft(s, c, n, Fixtures.MONTHS),
                Map.of("comment", "Projet reporté."), STRUCTURE, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/start-review", Fixtures::submitted, null, INSTRUCTEUR, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/request-changes", Fixtures::underReview,
                Map.of("message", "Précisez les lieux."), INSTRUCTEUR, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/approve", Fixtures::underReview,
                Map.of("postsGranted", 1, "decisionNumber", "COSELEC 4"), INSTRUCTEUR, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/reject", Fixtures::underReview,
                Map.of("reason", "INCOMPLETE_APPLICATION"), INSTRUCTEUR, ADMIN));
        rows.add(onApplication("POST", "/applications/{id}/prefect-opinion", Fixtures::submitted,
                Map.of("opinion", "FAVORABLE", "comment", "Besoin avéré."), PREFET));
        rows.add(onApplication("POST", "/applications/{id}/comments", Fixtures::submitted,
                Map.of("kind", "MESSAGE", "body", "Bonjour"), STRUCTURE, PREFET, INSTRUCTEUR, ADMIN));
        rows.add(onApplication("GET", "/applications/{id}/comments", Fixtures::submitted, null, STRUCTURE, PREFET,
                INSTRUCTEUR, ADMIN));

        rows.addAll(PlumbingRows.all(Topics.FUNDING, GrantAwarded.TYPE, ApplicationApproved.TYPE));
        return rows;
    }

    /** Builds an application of Lyon's town hall in some status: (structure, campaign, posts) to its id. */
    @FunctionalInterface
    interface InStatus {
        String build(TestStructure structure, String campaignId, int posts);
    }

    /** A command or read on one application: structures own it by SIRET, prefects by département. */
    private static AccessRow onApplication(String method, String template, InStatus status, Object body, String... roles) {
        AccessRow row = AccessRow.of(method, template);
        for (String role : roles) {
            row.allow(role.equals(STRUCTURE) ? OWN_SIRET : role.equals(PREFET) ? OWN_DEPARTEMENT : ANY, role);
        }
        return row.fixture(role -> {
            TestStructure lyon = Fixtures.lyon();
            String id = status.build(lyon, Fixtures.openCampaign(10), 1);
            return onLyonAs(role, lyon, Call.to(template.replace("{id}", id)).body(body));
        });
    }

    private static AccessRow applicationList(String method, String path, String... roles) {
        AccessRow row = AccessRow.of(method, path);
        for (String role : roles) {
            row.allow(role.equals(STRUCTURE) ? LIST_OWN_SIRET : role.equals(PREFET) ? LIST_OWN_DEPARTEMENT : ANY, role);
        }
        return row.fixture(role -> {
            TestStructure lyon = Fixtures.lyon();
            String campaign = Fixtures.openCampaign(10);
            String id = Fixtures.submitted(lyon, campaign, 1);
            return onLyonAs(role, lyon, Call.to(path).query("campaignId", campaign).listing(id));
        });
    }

    private static Call onLyonAs(String role, TestStructure lyon, Call call) {
        return switch (role == null ? ADMIN : role) {
            case STRUCTURE -> call.as(lyon.token()).stranger(Identities.strangerStructure());
            case PREFET -> call.as(Tokens.prefet("69")).stranger(Identities.prefetOtherThan("69"));
            default -> call.as(Tokens.forRole(role));
        };
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
