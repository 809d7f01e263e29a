package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures a fresh load and the lookups, and prints them (see target/surefire-reports/*-output.txt).
 * The bounds are loose on purpose: they catch an accidental linear scan, not a slow CI machine.
 */
class ReferentialPerformanceTest {

    @Test
    void loadAndLookupTimes() {
        long start = System.nanoTime();
        TerritorialReferential ref = TerritorialReferential.load(
                name -> TerritorialReferential.class.getResourceAsStream(TerritorialReferential.RESOURCE_DIR + name));
        long loadMillis = (System.nanoTime() - start) / 1_000_000;

        List<String> codes = new ArrayList<>();
        List<String> postalCodes = new ArrayList<>();
        for (Departement d : ref.departements()) {
            for (Commune c : ref.communesOfDepartement(d.code())) {
                codes.add(c.code());
                postalCodes.addAll(c.postalCodes());
            }
        }
        assertEquals(ref.communeCount(), codes.size());

        int rounds = 20;
        long found = 0;
        start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String code : codes) {
                found += ref.commune(code).isPresent() ? 1 : 0;
                found += ref.epciOfCommune(code).isPresent() ? 1 : 0;
                found += ref.zoneOf(code).isPresent() ? 1 : 0;
            }
            for (String postalCode : postalCodes) {
                found += ref.communesByPostalCode(postalCode).size();
            }
        }
        long lookups = (long) rounds * (3L * codes.size() + postalCodes.size());
        double nanosPerLookup = (double) (System.nanoTime() - start) / lookups;

        System.out.printf("Fresh load of %d communes, %d EPCI: %d ms; %d lookups at %.0f ns each%n",
                codes.size(), ref.epcis().size(), loadMillis, lookups, nanosPerLookup);
        assertTrue(found > lookups / 2);
        assertTrue(loadMillis < 10_000, "load took " + loadMillis + " ms");
        assertTrue(nanosPerLookup < 50_000, "lookup took " + nanosPerLookup + " ns");
    }
}
