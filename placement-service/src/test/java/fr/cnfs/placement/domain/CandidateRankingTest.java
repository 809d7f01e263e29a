package fr.cnfs.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateRankingTest {

    // Aurillac (15014) and Arpajon-sur-Cère (15012): CA du Bassin d'Aurillac; Saint-Flour (15187): Cantal, another
    // EPCI; Clermont-Ferrand (63113): Auvergne-Rhône-Alpes; Limoges (87085): Nouvelle-Aquitaine.
    private static final Place AURILLAC = place("15014");

    private static Place place(String commune) {
        return Place.ofCommune(commune).orElseThrow();
    }

    @ParameterizedTest(name = "adviser in {0}: {1}")
    @CsvSource({
            "15014, COMMUNE",
            "15012, EPCI",
            "15187, DEPARTEMENT",
            "63113, REGION",
            "87085, NATIONAL" })
    void eachRankFromTheSameCommuneToNational(String adviserCommune, Proximity expected) {
        assertEquals(Optional.of(expected), CandidateRanking.proximity(AURILLAC, place(adviserCommune)));
        assertEquals(expected.ordinal() + 1, expected.rank());
    }

    @ParameterizedTest(name = "{0} mobility, adviser in {1}: reached = {2}")
    @CsvSource({
            "COMMUNE, 15014, true", "COMMUNE, 15012, false",
            "EPCI, 15012, true", "EPCI, 15187, false",
            "DEPARTEMENT, 15187, true", "DEPARTEMENT, 63113, false",
            "REGION, 63113, true", "REGION, 87085, false",
            "NATIONAL, 87085, true", "NATIONAL, 15014, true" })
    void theMobilityMustReachTheProximity(Mobility mobility, String adviserCommune, boolean reached) {
        assertEquals(reached, CandidateRanking.reach(AURILLAC, place(adviserCommune), mobility).isPresent());
    }

    @Test
    void aMunicipalArrondissementIsItsCity() {
        assertEquals(Optional.of(Proximity.COMMUNE), CandidateRanking.proximity(place("69123"), place("69381")));
        assertEquals("69123", place("69381").homeCommuneCode());
    }

    @Test
    void overseasTerritoriesMatchOnlyInsideTheirOwnTerritory() {
        Place pointeAPitre = place("97120");
        Place lesAbymes = place("97101");
        Place fortDeFrance = place("97209");
        Place saintMartin = place("97801");
        assertEquals(Optional.of(Proximity.EPCI), CandidateRanking.proximity(pointeAPitre, lesAbymes));
        assertTrue(CandidateRanking.proximity(pointeAPitre, AURILLAC).isEmpty(), "mainland adviser, overseas post");
        assertTrue(CandidateRanking.proximity(AURILLAC, pointeAPitre).isEmpty(), "overseas adviser, mainland post");
        assertTrue(CandidateRanking.proximity(pointeAPitre, fortDeFrance).isEmpty(), "Guadeloupe and Martinique");
        assertTrue(CandidateRanking.proximity(pointeAPitre, saintMartin).isEmpty(), "a COM is its own territory");
        assertTrue(CandidateRanking.reach(pointeAPitre, AURILLAC, Mobility.NATIONAL).isEmpty());
        assertEquals(Optional.of(Proximity.COMMUNE), CandidateRanking.proximity(saintMartin, saintMartin));
    }

    @Test
    void mobilityLevelsAreNested() {
        for (Mobility mobility : Mobility.values()) {
            for (Proximity proximity : Proximity.values()) {
                assertEquals(mobility.ordinal() >= proximity.ordinal(), mobility.reaches(proximity));
            }
        }
        assertEquals("'REGION', 'NATIONAL'", CandidateSearch.reaching(Proximity.REGION));
        assertEquals("'NATIONAL'", CandidateSearch.reaching(Proximity.NATIONAL));
    }

    @Test
    void aPageTakesFromEachLevelItOverlapsAndSkipsEmptyOnes() {
        List<CandidateSearch.Level> levels = CandidateSearch.levels(Place.ofCommune("69123").orElseThrow());
        long[] counts = { 3, 0, 5, 2, 0 };
        assertEquals(5, levels.size());
        assertEquals(List.of(new CandidateSearch.Slice(levels.get(0), 2, 1),
                new CandidateSearch.Slice(levels.get(2), 0, 4)), CandidateSearch.slices(levels, counts, 2, 5));
        assertEquals(List.of(new CandidateSearch.Slice(levels.get(2), 4, 1),
                new CandidateSearch.Slice(levels.get(3), 0, 2)), CandidateSearch.slices(levels, counts, 7, 5));
        assertEquals(List.of(new CandidateSearch.Slice(levels.get(0), 0, 3)),
                CandidateSearch.slices(levels, counts, 0, 3));
        assertEquals(List.of(), CandidateSearch.slices(levels, counts, 10, 5), "past the last candidate");
        // Every page of 4 together lists each of the 10 candidates once.
        long listed = 0;
        for (long offset = 0; offset < 12; offset += 4) {
            listed += CandidateSearch.slices(levels, counts, offset, 4).stream()
                    .mapToLong(CandidateSearch.Slice::limit).sum();
        }
        assertEquals(10, listed);
    }
}
