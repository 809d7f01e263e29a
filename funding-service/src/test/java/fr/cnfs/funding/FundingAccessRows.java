package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static fr.cnfs.testkit.Access.ANY;
import static fr.cnfs.testkit.Access.LIST_OWN_SIRET;
import static fr.cnfs.testkit.Access.OWN_SIRET;
import static fr.cnfs.testkit.Identities.ADMIN;
import static fr.cnfs.testkit.Identities.FINANCE;
import static fr.cnfs.testkit.Identities.INSTRUCTEUR;
import static fr.cnfs.testkit.Identities.STRUCTURE;
import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.contracts.events.TrancheDue;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.AccessRow;
import fr.cnfs.testkit.Call;
import fr.cnfs.testkit.Identities;
import fr.cnfs.testkit.PlumbingRows;

/**
 * The access matrix rows of funding-service, with fixtures built as in production: grants come from approvals on the
 * broker; they all belong to Lyon's town hall ({@link FundingScenario#LYON_SIRET}).
 */
final class FundingAccessRows {

    static final String SERVICE = "funding-service";

    private final FundingScenario scenario;
    private final MovableClock clock;
    private String recoveryId;

    FundingAccessRows(FundingScenario scenario, MovableClock clock) {
        this.scenario = scenario;
        this.clock = clock;
    }

    /** A grant with the first tranche of its post due. */
    private record Due(ApplicationApproved approved, String grantId, String trancheId) {
    }

    private Due due() {
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        String grantId = scenario.award(approved);
        UUID postId = approved.postIds().get(0);
        scenario.publish(scenario.contract(approved, postId, clock.today().minusDays(10), null));
        var post = scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1)));
        return new Due(approved, grantId, trancheId(post, 1));
    }

    /** Lyon's rupture without replacement (DESIGN §5): T1 paid, the funding closes, a recovery is issued. */
    String recovery() {
        if (recoveryId == null) {
            clock.setToday(LocalDate.of(2021, 9, 1));
            ApplicationApproved approved = scenario.lyonApproval(1, 24);
            UUID postId = approved.postIds().get(0);
            String grantId = scenario.award(approved);
            ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), LocalDate.of(2023, 8, 31));
            scenario.publish(contract);
            String t1 = trancheId(scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1))), 1);
            scenario.pay(t1, "25000.00", "ASP-" + t1, LocalDate.of(2021, 9, 1)).statusCode(200);
            clock.setToday(LocalDate.of(2022, 6, 30));
            scenario.publish(scenario.end(contract, LocalDate.of(2022, 6, 30), "RESIGNATION"));
            scenario.awaitPostStatus(grantId, postId, "VACANT");
            clock.setToday(LocalDate.of(2022, 10, 1));
            scenario.evaluate(LocalDate.of(2022, 10, 1));
            recoveryId = given().auth().oauth2(Tokens.finance()).queryParam("grantId", grantId).when().get("/recoveries")
                    .then().statusCode(200).extract().path("items[0].id");
            clock.setToday(LocalDate.now());
        }
        return recoveryId;
    }

    private static Call asLyon(String role, Call call) {
        return STRUCTURE.equals(role)
                ? call.as(Tokens.structure(FundingScenario.LYON_SIRET)).stranger(Identities.strangerStructure())
                : call.as(Tokens.forRole(role == null ? ADMIN : role));
    }

    List<AccessRow> rows() {
        List<AccessRow> rows = new ArrayList<>();
        rows.add(AccessRow.of("GET", "/funding-rules").open().fixture(role -> Call.to("/funding-rules")));
        rows.add(AccessRow.of("GET", "/funding-rules/{phase}").open().fixture(role -> Call.to("/funding-rules/PHASE_1")));
        rows.add(AccessRow.of("POST", "/funding-simulations").open().fixture(role -> Call.to("/funding-simulations")
                .body(Map.of("category", "PUBLIC", "communeCode", "69123", "contractMonths", 24, "posts", 2))));

        rows.add(AccessRow.of("GET", "/grants").allow(LIST_OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> {
                    ApplicationApproved approved = scenario.lyonApproval(1, 24);
                    String grantId = scenario.award(approved);
                    return asLyon(role, Call.to("/grants").query("applicationId", approved.applicationId()).listing(grantId));
                }));
        rows.add(AccessRow.of("GET", "/grants/{id}").allow(OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/grants/" + scenario.award(scenario.lyonApproval(1, 24))))));
        rows.add(AccessRow.of("GET", "/grants/{id}/statement").allow(OWN_SIRET, STRUCTURE)
                .allow(ANY, INSTRUCTEUR, FINANCE, ADMIN).fixture(role -> asLyon(role,
                        Call.to("/grants/" + scenario.award(scenario.lyonApproval(1, 24)) + "/statement"))));

        rows.add(AccessRow.of("GET", "/tranches").allow(LIST_OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> {
                    Due due = due();
                    return asLyon(role, Call.to("/tranches").query("grantId", due.grantId()).listing(due.trancheId()));
                }));
        rows.add(AccessRow.of("GET", "/tranches/{id}").allow(OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/tranches/" + due().trancheId()))));
        rows.add(AccessRow.of("POST", "/tranches/{id}/payment").allow(ANY, FINANCE, ADMIN).fixture(role -> {
            Due due = due();
            return asLyon(role, Call.to("/tranches/" + due.trancheId() + "/payment").body(Map.of("paidOn",
                    clock.today().toString(), "amount", "25000.00", "paymentReference", "ASP-" + due.trancheId())));
        }));

        rows.add(AccessRow.of("GET", "/recoveries").allow(LIST_OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/recoveries").query("status", "PARTIALLY_SETTLED")
                        .query("size", 100).listing(recovery()))));
        rows.add(AccessRow.of("GET", "/recoveries/{id}").allow(OWN_SIRET, STRUCTURE).allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/recoveries/" + recovery()))));
        rows.add(AccessRow.of("POST", "/recoveries/{id}/settlement").allow(ANY, FINANCE, ADMIN).fixture(role -> asLyon(role,
                Call.to("/recoveries/" + recovery() + "/settlement").body(Map.of("receivedOn", clock.today().toString(),
                        "amount", "1.00", "reference", "REV-" + UUID.randomUUID())))));

        rows.add(AccessRow.of("GET", "/reports/budget").allow(ANY, INSTRUCTEUR, FINANCE, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/reports/budget"))));
        rows.add(AccessRow.of("POST", "/admin/tranche-evaluations").allow(ANY, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/admin/tranche-evaluations").query("asOf", clock.today().toString()))));
        rows.add(AccessRow.of("GET", "/admin/tranche-evaluations").allow(ANY, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/admin/tranche-evaluations"))));
        rows.add(AccessRow.of("GET", "/admin/parked-events").allow(ANY, ADMIN)
                .fixture(role -> asLyon(role, Call.to("/admin/parked-events"))));

        rows.addAll(PlumbingRows.all(Topics.APPLICATIONS, ApplicationApproved.TYPE, TrancheDue.TYPE));
        return rows;
    }
}
