package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.adviser;
import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPost;
import static fr.cnfs.placement.Fixtures.profile;
import static fr.cnfs.placement.Fixtures.training;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.placement.domain.CandidateRanking;
import fr.cnfs.placement.domain.Mobility;
import fr.cnfs.placement.domain.Place;
import fr.cnfs.placement.domain.Proximity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The ranked candidates through REST: each rank, the order within a rank, the exclusions and the overseas rule. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class CandidateSearchTest {

    /** A candidate as the API ranks it. */
    record Ranked(String id, int rank, String proximity) {
    }

    /** Every candidate of the post, all pages, keeping only the advisers this test created. */
    private static List<Ranked> candidates(String siret, UUID postId, Set<UUID> ours) {
        Set<String> ourIds = ours.stream().map(UUID::toString).collect(Collectors.toSet());
        return candidates(siret, postId, 100).stream().filter(c -> ourIds.contains(c.id())).toList();
    }

    /** Every candidate of the post, in pages of that size; the last page's total must be the number listed. */
    private static List<Ranked> candidates(String siret, UUID postId, int size) {
        List<Ranked> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().auth().oauth2(Tokens.structure(siret)).queryParam("page", page)
                    .queryParam("size", size).when().get("/posts/" + postId + "/candidates")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                all.add(new Ranked((String) item.get("conseillerId"), (Integer) item.get("rank"),
                        (String) item.get("proximity")));
            }
            if (items.size() < size) {
                assertEquals((long) page * size + items.size(), body.getLong("totalItems"));
                return all;
            }
        }
    }

    private static UUID adviserFrom(String commune, String mobility, String availableFrom) {
        return adviser(profile(commune, mobility, availableFrom));
    }

    @Test
    void eachRankInTurnThenTheCertifiedThenTheEarliestAvailable() {
        String siret = newSiret();
        UUID postId = openPost(siret, "15014"); // Aurillac; its recruitment deadline is three months from now
        String deadline = given().auth().oauth2(Tokens.admin()).when().get("/posts/" + postId).then()
                .extract().path("recruitmentDeadline");

        UUID sameCommuneUntrained = adviserFrom("15014", "COMMUNE", "2024-03-01");
        UUID sameCommuneCertified = adviserFrom("15014", "NATIONAL", "2024-05-01");
        Fixtures.certify(sameCommuneCertified);
        UUID sameCommuneEnrolled = adviserFrom("15014", "COMMUNE", "2024-06-01");
        training(sameCommuneEnrolled, "ENROL", "2024-01-10", 0);
        UUID sameEpci = adviserFrom("15012", "EPCI", "2024-03-01");
        UUID sameDepartementLater = adviserFrom("15187", "DEPARTEMENT", "2024-02-01");
        UUID sameDepartementEarlier = adviserFrom("15187", "REGION", "2024-01-01");
        UUID sameRegion = adviserFrom("63113", "REGION", "2024-03-01");
        UUID national = adviserFrom("87085", "NATIONAL", "2024-03-01");

        UUID otherCommune = adviserFrom("15012", "COMMUNE", "2024-03-01");
        UUID otherDepartement = adviserFrom("63113", "DEPARTEMENT", "2024-03-01");
        UUID otherRegion = adviserFrom("87085", "REGION", "2024-03-01");
        UUID availableTooLate = adviserFrom("15014", "COMMUNE", LocalDate.parse(deadline).plusDays(1).toString());
        UUID availableOnTheDeadline = adviserFrom("15014", "COMMUNE", deadline);
        UUID unavailable = adviserFrom("15014", "COMMUNE", "2024-03-01");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("status", "UNAVAILABLE"))
                .when().patch("/conseillers/" + unavailable).then().statusCode(200);
        UUID overseasNational = adviserFrom("97120", "NATIONAL", "2024-03-01");

        Set<UUID> ours = Set.of(sameCommuneUntrained, sameCommuneCertified, sameCommuneEnrolled, sameEpci,
                sameDepartementLater, sameDepartementEarlier, sameRegion, national, otherCommune, otherDepartement,
                otherRegion, availableTooLate, availableOnTheDeadline, unavailable, overseasNational);
        assertEquals(List.of(
                new Ranked(sameCommuneCertified.toString(), 1, "COMMUNE"),
                new Ranked(sameCommuneEnrolled.toString(), 1, "COMMUNE"),
                new Ranked(sameCommuneUntrained.toString(), 1, "COMMUNE"),
                new Ranked(availableOnTheDeadline.toString(), 1, "COMMUNE"),
                new Ranked(sameEpci.toString(), 2, "EPCI"),
                new Ranked(sameDepartementEarlier.toString(), 3, "DEPARTEMENT"),
                new Ranked(sameDepartementLater.toString(), 3, "DEPARTEMENT"),
                new Ranked(sameRegion.toString(), 4, "REGION"),
                new Ranked(national.toString(), 5, "NATIONAL")), candidates(siret, postId, ours));
    }

    @Test
    void anOverseasPostSeesOnlyAdvisersOfItsOwnTerritory() {
        String siret = newSiret();
        UUID postId = openPost(siret, "97120"); // Pointe-à-Pitre, Guadeloupe
        UUID sameCommune = adviserFrom("97120", "COMMUNE", "2024-01-01");
        UUID sameEpci = adviserFrom("97101", "EPCI", "2024-01-01"); // Les Abymes, CA Cap Excellence
        UUID sameTerritory = adviserFrom("97105", "NATIONAL", "2024-01-01"); // Basse-Terre
        UUID mainlandNational = adviserFrom("75056", "NATIONAL", "2024-01-01");
        UUID martiniqueNational = adviserFrom("97209", "NATIONAL", "2024-01-01");

        assertEquals(List.of(
                new Ranked(sameCommune.toString(), 1, "COMMUNE"),
                new Ranked(sameEpci.toString(), 2, "EPCI"),
                new Ranked(sameTerritory.toString(), 3, "DEPARTEMENT")),
                candidates(siret, postId, Set.of(sameCommune, sameEpci, sameTerritory, mainlandNational,
                        martiniqueNational)));
        given().auth().oauth2(Tokens.structure(siret)).queryParam("size", 100).when()
                .get("/posts/" + postId + "/candidates").then().statusCode(200)
                .body("items.departementCode", everyItem(equalTo("971")));

        // And a mainland post does not see a Guadeloupe adviser, whatever its mobility.
        String mainland = newSiret();
        UUID mainlandPost = openPost(mainland, "75056");
        assertEquals(List.of(new Ranked(mainlandNational.toString(), 1, "COMMUNE")),
                candidates(mainland, mainlandPost, Set.of(mainlandNational, sameTerritory, martiniqueNational)));
    }

    @Test
    void candidatesArePagedAndOnlyForTheStructureOfThePost() {
        String siret = newSiret();
        UUID postId = openPost(siret, "23096"); // Guéret, Creuse
        for (int i = 0; i < 3; i++) {
            adviserFrom("23096", "COMMUNE", "2024-0" + (i + 1) + "-01");
        }
        var first = given().auth().oauth2(Tokens.structure(siret)).queryParam("size", 2).when()
                .get("/posts/" + postId + "/candidates").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("items.size()", equalTo(2))
                .extract().jsonPath();
        long total = first.getLong("totalItems");
        given().auth().oauth2(Tokens.structure(siret)).queryParam("size", 2).queryParam("page", 1000).when()
                .get("/posts/" + postId + "/candidates").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", equalTo((int) total));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 2).when().get("/posts/" + postId + "/candidates")
                .then().statusCode(200).body("totalItems", equalTo((int) total));

        given().auth().oauth2(Tokens.structure(siret)).queryParam("sort", "availableFrom").when()
                .get("/posts/" + postId + "/candidates").then().statusCode(400);
        given().auth().oauth2(Tokens.structure(newSiret())).when().get("/posts/" + postId + "/candidates")
                .then().statusCode(404);
        for (String denied : new String[] { Tokens.conseiller("c-" + UUID.randomUUID()), Tokens.instructeur() }) {
            given().auth().oauth2(denied).when().get("/posts/" + postId + "/candidates").then().statusCode(403);
        }
    }

    /** The SQL ranking and the pure rule agree on a random pool (fixed seed, so a failure can be replayed). */
    @Test
    void theDatabaseRanksAsTheRuleSays() {
        Random random = new Random(20210315L);
        String[] communes = { "15014", "15012", "15187", "63113", "87085", "69123", "69381", "69266", "97120",
                "97101", "97209", "48095", "75056" };
        String[] trainings = { "NOT_STARTED", "ENROLLED", "CERTIFIED", "ABANDONED" };
        String siret = newSiret();
        List<UUID> posts = List.of(openPost(siret, "15014"), openPost(siret, "69123"), openPost(siret, "97120"));
        LocalDate deadline = Fixtures.today().plusMonths(3);

        record Adviser(UUID id, Place place, Mobility mobility, int trainingRank, LocalDate availableFrom) {
        }
        List<Adviser> pool = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String commune = communes[random.nextInt(communes.length)];
            Mobility mobility = Mobility.values()[random.nextInt(Mobility.values().length)];
            LocalDate availableFrom = deadline.minusDays(200).plusDays(random.nextInt(230));
            int training = random.nextInt(trainings.length);
            UUID id = adviserFrom(commune, mobility.name(), availableFrom.toString());
            if (training >= 1) {
                training(id, training == 3 ? "ABANDON" : "ENROL", "2024-01-10", 0);
            }
            if (training == 2) {
                training(id, "CERTIFY", "2024-02-10", 120);
            }
            int trainingRank = switch (trainings[training]) {
                case "CERTIFIED" -> 0;
                case "ENROLLED" -> 1;
                case "NOT_STARTED" -> 2;
                default -> 3;
            };
            pool.add(new Adviser(id, Place.ofCommune(commune).orElseThrow(), mobility, trainingRank, availableFrom));
        }
        Set<UUID> ours = pool.stream().map(Adviser::id).collect(Collectors.toSet());
        int compared = 0;
        for (UUID postId : posts) {
            var post = given().auth().oauth2(Tokens.admin()).when().get("/posts/" + postId).then().extract().jsonPath();
            Place postPlace = Place.ofCommune(post.getString("communeCode")).orElseThrow();
            Map<UUID, Proximity> reach = new HashMap<>();
            for (Adviser adviser : pool) {
                CandidateRanking.reach(postPlace, adviser.place(), adviser.mobility())
                        .filter(p -> !adviser.availableFrom().isAfter(deadline))
                        .ifPresent(p -> reach.put(adviser.id(), p));
            }
            List<Ranked> expected = pool.stream().filter(a -> reach.containsKey(a.id()))
                    .sorted(Comparator.<Adviser> comparingInt(a -> reach.get(a.id()).rank())
                            .thenComparingInt(Adviser::trainingRank)
                            .thenComparing(Adviser::availableFrom)
                            .thenComparing(a -> a.id().toString()))
                    .map(a -> new Ranked(a.id().toString(), reach.get(a.id()).rank(), reach.get(a.id()).name()))
                    .toList();
            assertEquals(expected, candidates(siret, postId, ours), "post in " + post.getString("communeCode"));
            // Small pages cross from one proximity level to the next: they must list the same ranking.
            assertEquals(candidates(siret, postId, 100), candidates(siret, postId, 7),
                    "pages of 7, post in " + post.getString("communeCode"));
            compared += expected.size();
        }
        // The sample must exercise the ranking, not agree on empty lists.
        org.junit.jupiter.api.Assertions.assertTrue(compared >= 20, "only " + compared + " candidates compared");
    }
}
