package fr.cnfs.e2e;

import static fr.cnfs.e2e.ExpectedBooks.amountPerPost;
import static fr.cnfs.e2e.ExpectedBooks.cents;
import static fr.cnfs.e2e.ExpectedBooks.days360;
import static fr.cnfs.e2e.ExpectedBooks.earned;
import static fr.cnfs.e2e.ExpectedBooks.tranches;
import static fr.cnfs.e2e.Programme.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.territory.Siren;
import fr.cnfs.territory.TerritorialReferential;
import io.restassured.path.json.JsonPath;

/**
 * The programme from the call for applications to the last tranche (issue 6's story), through the public APIs of the
 * running services, with books that must reconcile to the cent with figures computed here from the rules. The same
 * story runs on one instance of each service and on two.
 */
final class ProgrammeStory {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final BigDecimal SALARY = new BigDecimal("1900.00");

    private final Programme programme;

    ProgrammeStory(Programme programme) {
        this.programme = programme;
    }

    /** The campaign's books at the end: the budget report and the reconciliation, without ids and dates. */
    record Books(Map<String, Object> budget, Map<String, Object> reconciliation) {
    }

    Books run() {
        // 1. An instructeur opens a campaign with a quota of 10 posts.
        String campaignId = programme.openCampaign("AMI story " + UUID.randomUUID(), 10);

        // 2. Three structures register: a mainland commune, a commune of Guadeloupe, an association.
        var lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String pointeAPitreSiren = TerritorialReferential.instance().commune("97120").orElseThrow().siren();
        var pointeAPitre = programme.registerStructure(pointeAPitreSiren, "Ville de Pointe-à-Pitre", "COMMUNE", "97120");
        var association = programme.registerStructure(Siren.withCheckDigit("77567135").value(), "Association Numérique pour Tous", "ASSOCIATION",
                "13055");

        // 3. Each applies, submits, gets a prefect's opinion, is reviewed and approved; one approval would exceed the
        //    quota and is refused.
        String lyonApplication = programme.applyAndStartReview(lyon, campaignId, 4, 24);
        String guadeloupeApplication = programme.applyAndStartReview(pointeAPitre, campaignId, 3, 24);
        String associationApplication = programme.applyAndStartReview(association, campaignId, 4, 18);
        programme.prefectOpinion(lyonApplication, "69");
        programme.prefectOpinion(guadeloupeApplication, "971");
        programme.prefectOpinion(associationApplication, "13");
        programme.approve(lyonApplication, 4, "COSELEC 1").statusCode(200);
        programme.approve(guadeloupeApplication, 3, "COSELEC 1").statusCode(200);
        programme.approve(associationApplication, 4, "COSELEC 2").statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:quota-exceeded"));
        programme.approve(associationApplication, 3, "COSELEC 2").statusCode(200);
        as(programme.applications(), Tokens.instructeur()).when().get("/campaigns/" + campaignId)
                .then().statusCode(200).body("postsGranted", equalTo(10)).body("postsRemaining", equalTo(0));

        // 4. Grants appear with the right amounts, and posts appear.
        BigDecimal publicMainland = amountPerPost(true, 24, false);
        BigDecimal publicOverseas = amountPerPost(true, 24, true);
        BigDecimal privateMainland = amountPerPost(false, 18, false);
        assertGrant(lyonApplication, publicMainland, 4);
        assertGrant(guadeloupeApplication, publicOverseas, 3);
        assertGrant(associationApplication, privateMainland, 3);
        List<String> lyonPosts = programme.awaitPosts(lyonApplication, 4);
        List<String> guadeloupePosts = programme.awaitPosts(guadeloupeApplication, 3);
        List<String> associationPosts = programme.awaitPosts(associationApplication, 3);

        // Advisers register and are ranked: same commune before same EPCI; overseas advisers do not reach Lyon.
        String lyonAdviser = programme.registerConseiller("69123", "COMMUNE");
        String villeurbanneAdviser = programme.registerConseiller("69266", "DEPARTEMENT");
        String guadeloupeAdviser = programme.registerConseiller("97120", "NATIONAL");
        List<String> ranked = as(programme.placement(), lyon.token()).queryParam("size", 100)
                .when().get("/posts/" + lyonPosts.get(0) + "/candidates").then().statusCode(200)
                .extract().path("items.conseillerId");
        assertTrue(ranked.indexOf(lyonAdviser) >= 0 && ranked.indexOf(lyonAdviser) < ranked.indexOf(villeurbanneAdviser),
                ranked.toString());
        assertTrue(!ranked.contains(guadeloupeAdviser), "an adviser of Guadeloupe is not a candidate in Lyon");

        // 5. Advisers are recruited and finalized from 2024-01-01; T1 becomes due on every post.
        Map<String, String> matches = new HashMap<>();
        List<String> lyonAdvisers = List.of(lyonAdviser, villeurbanneAdviser, programme.registerConseiller("69123", "COMMUNE"),
                programme.registerConseiller("69123", "COMMUNE"));
        for (int i = 0; i < 4; i++) {
            matches.put(lyonPosts.get(i), programme.hire(lyon, lyonPosts.get(i), lyonAdvisers.get(i), START, 24, SALARY));
        }
        for (int i = 0; i < 3; i++) {
            String adviser = i == 0 ? guadeloupeAdviser : programme.registerConseiller("97120", "COMMUNE");
            matches.put(guadeloupePosts.get(i), programme.hire(pointeAPitre, guadeloupePosts.get(i), adviser, START, 24, SALARY));
        }
        for (String post : associationPosts) {
            matches.put(post, programme.hire(association, post, programme.registerConseiller("13055", "COMMUNE"), START,
                    18, SALARY));
        }
        for (String post : lyonPosts) {
            assertAmount(tranches(publicMainland)[0], programme.awaitTranche(post, 1, "DUE").get("amount"));
        }
        for (String post : guadeloupePosts) {
            assertAmount(tranches(publicOverseas)[0], programme.awaitTranche(post, 1, "DUE").get("amount"));
        }
        for (String post : associationPosts) {
            assertAmount(tranches(privateMainland)[0], programme.awaitTranche(post, 1, "DUE").get("amount"));
        }

        // 6. The finance role pays them.
        assertEquals(10, programme.payDueTranches(lyonApplication, "T1") + programme.payDueTranches(guadeloupeApplication, "T1")
                + programme.payDueTranches(associationApplication, "T1"));

        // 8. Two advisers of Lyon resign. On the first post a replacement starts within 3 months and the funding
        //    goes on; on the second nobody replaces them and the funding closes.
        String replacedPost = lyonPosts.get(0);
        String closedPost = lyonPosts.get(1);
        LocalDate firstResignation = LocalDate.of(2024, 6, 30);
        LocalDate secondResignation = LocalDate.of(2024, 10, 31);
        programme.rupture(lyon, matches.get(replacedPost), firstResignation, "RESIGNATION");
        programme.rupture(lyon, matches.get(closedPost), secondResignation, "RESIGNATION");
        await().atMost(Programme.EVENTUALLY).untilAsserted(() -> as(programme.placement(), lyon.token())
                .when().get("/posts/" + replacedPost).then().statusCode(200).body("state", equalTo("VACANT")));
        LocalDate replacementStart = LocalDate.of(2024, 8, 1);
        int occupiedBeforeResignation = days360(START, firstResignation.plusDays(1));
        // The replacement contract covers the rest of the 720 funded days.
        LocalDate replacementLastDay = replacementStart.plusMonths((720 - occupiedBeforeResignation) / 30).minusDays(1);
        programme.hire(lyon, replacedPost, programme.registerConseiller("69123", "COMMUNE"), replacementStart,
                replacementLastDay, SALARY);

        // 7. The business clock moves forward: at 2025-02-01 every T2 is due and the unreplaced post has closed.
        programme.evaluateTranches(LocalDate.of(2025, 2, 1));
        for (String post : lyonPosts) {
            if (!post.equals(closedPost)) {
                programme.awaitTranche(post, 2, "DUE");
            }
        }
        guadeloupePosts.forEach(post -> programme.awaitTranche(post, 2, "DUE"));
        associationPosts.forEach(post -> programme.awaitTranche(post, 2, "DUE"));
        programme.awaitTranche(closedPost, 2, "CANCELLED");
        programme.awaitTranche(closedPost, 3, "CANCELLED");
        int closedOccupiedDays = days360(START, secondResignation.plusDays(1));
        BigDecimal closedEarned = earned(publicMainland, closedOccupiedDays, 720);
        BigDecimal expectedRecovery = tranches(publicMainland)[0].subtract(closedEarned);
        Map<String, Object> recovery = await().atMost(Programme.EVENTUALLY).until(() -> as(programme.funding(), Tokens.finance())
                .queryParam("siret", lyon.siret()).when().get("/recoveries").then().statusCode(200)
                .extract().<Map<String, Object>>path("items.find { it.postId == '" + closedPost + "' }"), r -> r != null);
        assertAmount(expectedRecovery, recovery.get("amount"));
        programme.payDueTranches(lyonApplication, "T2");
        programme.payDueTranches(guadeloupeApplication, "T2");
        programme.payDueTranches(associationApplication, "T2");

        // Contracts reach their end; T3 comes due for every post still funded, and is paid.
        programme.endContractsNaturally(LocalDate.now());
        programme.evaluateTranches(LocalDate.now());
        for (String post : lyonPosts) {
            if (!post.equals(closedPost)) {
                programme.awaitTranche(post, 3, "DUE");
            }
        }
        guadeloupePosts.forEach(post -> programme.awaitTranche(post, 3, "DUE"));
        associationPosts.forEach(post -> programme.awaitTranche(post, 3, "DUE"));
        programme.payDueTranches(lyonApplication, "T3");
        programme.payDueTranches(guadeloupeApplication, "T3");
        programme.payDueTranches(associationApplication, "T3");
        as(programme.funding(), Tokens.finance())
                .body(Map.of("receivedOn", LocalDate.now().toString(), "amount", recovery.get("amount"),
                        "reference", "OR-" + recovery.get("id")))
                .when().post("/recoveries/" + recovery.get("id") + "/settlement").then().statusCode(200);

        // 9. Statements and the budget report reconcile to the cent with the figures computed here.
        BigDecimal lyonPaidFully = publicMainland.multiply(BigDecimal.valueOf(3));
        BigDecimal lyonPaid = lyonPaidFully.add(tranches(publicMainland)[0]);
        BigDecimal lyonCancelled = tranches(publicMainland)[1].add(tranches(publicMainland)[2]);
        JsonPath lyonStatement = statementOf(lyonApplication);
        assertAmount(publicMainland.multiply(BigDecimal.valueOf(4)), lyonStatement.get("total.awarded"));
        assertAmount(lyonPaid, lyonStatement.get("total.paid"));
        assertAmount(lyonCancelled, lyonStatement.get("total.cancelled"));
        assertAmount(expectedRecovery, lyonStatement.get("total.recovered"));
        assertAmount(lyonPaidFully.add(closedEarned), lyonStatement.get("total.earned"));
        assertAmount(BigDecimal.ZERO, lyonStatement.get("total.due"));
        assertAmount(BigDecimal.ZERO, lyonStatement.get("total.planned"));
        JsonPath guadeloupeStatement = statementOf(guadeloupeApplication);
        assertAmount(publicOverseas.multiply(BigDecimal.valueOf(3)), guadeloupeStatement.get("total.paid"));
        JsonPath associationStatement = statementOf(associationApplication);
        assertAmount(privateMainland.multiply(BigDecimal.valueOf(3)), associationStatement.get("total.paid"));

        BigDecimal awarded = publicMainland.multiply(BigDecimal.valueOf(4)).add(publicOverseas.multiply(BigDecimal.valueOf(3)))
                .add(privateMainland.multiply(BigDecimal.valueOf(3)));
        BigDecimal paid = lyonPaid.add(publicOverseas.multiply(BigDecimal.valueOf(3)))
                .add(privateMainland.multiply(BigDecimal.valueOf(3)));
        JsonPath budget = as(programme.funding(), Tokens.finance()).queryParam("campaignId", campaignId)
                .when().get("/reports/budget").then().statusCode(200).extract().jsonPath();
        assertAmount(awarded, budget.get("awarded"));
        assertAmount(paid, budget.get("committed"));
        assertAmount(paid, budget.get("paid"));
        assertAmount(BigDecimal.ZERO, budget.get("due"));
        assertAmount(lyonCancelled, budget.get("cancelled"));
        assertAmount(expectedRecovery, budget.get("recovered"));
        assertAmount(expectedRecovery, budget.get("recoverySettled"));
        assertAmount(paid.subtract(expectedRecovery), budget.get("netPaid"));
        assertAmount(awarded, cents(paid.add(lyonCancelled)));

        // The application shows what funding paid, through TranchePaid events.
        await().atMost(Programme.EVENTUALLY).untilAsserted(() -> as(programme.applications(), lyon.token())
                .when().get("/applications/" + lyonApplication).then().statusCode(200)
                .body("paidAmount", org.hamcrest.Matchers.comparesEqualTo(lyonPaid)));

        // The three services agree on the campaign: 10 posts, 11 finalized contracts each with its occupation.
        Map<String, Object> reconciliation = programme.awaitCleanReconciliation(campaignId);
        assertEquals(10, reconciliation.get("postsGranted"));
        assertEquals(10, reconciliation.get("postsInPlacement"));
        assertEquals(10, reconciliation.get("postFundings"));
        assertEquals(11, reconciliation.get("contractsFinalized"));
        assertEquals(11, reconciliation.get("contractsWithOccupation"));

        Map<String, Object> budgetFigures = new java.util.TreeMap<>(budget.getMap("$"));
        budgetFigures.remove("campaignId");
        budgetFigures.remove("asOf");
        Map<String, Object> reconciliationFigures = new java.util.TreeMap<>(reconciliation);
        reconciliationFigures.remove("campaignId");
        return new Books(budgetFigures, reconciliationFigures);
    }

    private void assertGrant(String applicationId, BigDecimal amountPerPost, int posts) {
        Map<String, Object> grant = programme.awaitGrant(applicationId);
        assertAmount(amountPerPost, grant.get("amountPerPost"));
        assertAmount(amountPerPost.multiply(BigDecimal.valueOf(posts)), grant.get("totalAmount"));
    }

    private JsonPath statementOf(String applicationId) {
        String grantId = (String) programme.awaitGrant(applicationId).get("id");
        return as(programme.funding(), Tokens.finance()).when().get("/grants/" + grantId + "/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    static void assertAmount(BigDecimal expected, Object actual) {
        assertEquals(cents(expected), cents(new BigDecimal(String.valueOf(actual))), "amount");
    }

    static List<String> all(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
