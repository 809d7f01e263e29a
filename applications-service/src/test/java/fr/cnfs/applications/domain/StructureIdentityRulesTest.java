package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.territory.Siren;
import fr.cnfs.territory.Siret;
import fr.cnfs.territory.TerritorialReferential;
import fr.cnfs.territory.TerritoryZone;

/** The referential checks, on the real COG data. */
class StructureIdentityRulesTest {

    private final StructureIdentityRules rules = new StructureIdentityRules(TerritorialReferential.instance());

    private static String siretOf(String siren) {
        return Siret.withCheckDigit(siren + "0001").value();
    }

    @Test
    void aCommuneIsPlacedFromItsCodeAndItsSiretMustStartWithItsSiren() {
        TerritorialPlacement lyon = rules.place("21690123100011", StructureType.COMMUNE, "69123");
        assertEquals(new TerritorialPlacement("69123", "Lyon", "69", "84", TerritoryZone.METRO, "69"), lyon);

        var mismatch = assertThrows(BusinessRuleException.class,
                () -> rules.place(siretOf("211300553"), StructureType.COMMUNE, "69123"));
        assertEquals("siret-siren-mismatch", mismatch.kind());
        assertTrue(mismatch.getMessage().contains("216901231"), mismatch.getMessage());
    }

    @Test
    void aMunicipalArrondissementIsItsCitysTownHall() {
        TerritorialPlacement lyonFirst = rules.place("21690123100011", StructureType.COMMUNE, "69381");
        assertEquals("69381", lyonFirst.communeCode());
        assertEquals("69", lyonFirst.departementCode());
    }

    @Test
    void anOverseasCommuneGetsItsDromAndTerritoryCode() {
        TerritorialPlacement saintDenis = rules.place(siretOf("219740115"), StructureType.COMMUNE, "97411");
        assertEquals(TerritoryZone.DROM, saintDenis.zone());
        assertEquals("974", saintDenis.territoryCode());
        assertEquals("04", saintDenis.regionCode());
    }

    @Test
    void aComCommuneHasNoSirenInTheReferentialSoOnlyTheChecksumApplies() {
        TerritorialPlacement papeete = rules.place(siretOf(Siren.withCheckDigit("12345678").value()), StructureType.COMMUNE, "98735");
        assertEquals(TerritoryZone.COM, papeete.zone());
        assertEquals("987", papeete.territoryCode());
    }

    @Test
    void anEpciSiretMustStartWithTheSirenOfTheEpciOfItsSeat() {
        TerritorialPlacement metropole = rules.place(siretOf("200046977"), StructureType.EPCI, "69123");
        assertEquals("69", metropole.departementCode());

        var mismatch = assertThrows(BusinessRuleException.class,
                () -> rules.place(siretOf("200054807"), StructureType.EPCI, "69123"));
        assertEquals("siret-siren-mismatch", mismatch.kind());
        assertTrue(mismatch.getMessage().contains("200046977"), mismatch.getMessage());

        var noEpci = assertThrows(BusinessRuleException.class,
                () -> rules.place(siretOf("200046977"), StructureType.EPCI, "29083"));
        assertTrue(noEpci.getMessage().contains("belongs to no EPCI"), noEpci.getMessage());
    }

    @Test
    void anUnknownCommuneCodeIsRefused() {
        var unknown = assertThrows(BusinessRuleException.class,
                () -> rules.place("21690123100011", StructureType.COMMUNE, "99999"));
        assertEquals("unknown-commune", unknown.kind());
    }

    @Test
    void otherTypesAreNotComparedWithAReferentialSiren() {
        TerritorialPlacement association = rules.place(siretOf("775352446"), StructureType.ASSOCIATION, "75056");
        assertEquals("11", association.regionCode());
    }

    @Test
    void anOverseasCollectivitySitsOverseas() {
        assertEquals(TerritoryZone.DROM,
                rules.place(siretOf(Siren.withCheckDigit("22974001").value()), StructureType.COLLECTIVITE_OUTRE_MER, "97411").zone());
        var refusal = assertThrows(BusinessRuleException.class,
                () -> rules.place(siretOf(Siren.withCheckDigit("22974001").value()), StructureType.COLLECTIVITE_OUTRE_MER, "69123"));
        assertEquals("not-overseas", refusal.kind());
    }
}
