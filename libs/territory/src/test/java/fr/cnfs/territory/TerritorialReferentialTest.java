package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TerritorialReferentialTest {

    private final TerritorialReferential ref = TerritorialReferential.instance();

    @Test
    void lyon() {
        Commune lyon = ref.commune("69123").orElseThrow();
        assertEquals("Lyon", lyon.name());
        assertEquals("69", lyon.departementCode());
        assertEquals("84", lyon.regionCode());
        assertEquals("216901231", lyon.siren());
        assertTrue(Siren.isValid(lyon.siren()));
        assertEquals(List.of("69001", "69002", "69003", "69004", "69005", "69006", "69007", "69008", "69009"), lyon.postalCodes());
        assertEquals(TerritoryZone.METRO, lyon.zone());
        assertEquals("200046977", lyon.epciSiren());
        assertEquals("69", ref.territoryCodeOf(lyon));
        assertEquals("Auvergne-Rhône-Alpes", ref.region(lyon.regionCode()).orElseThrow().name());
    }

    @Test
    void paris() {
        Commune paris = ref.commune("75056").orElseThrow();
        assertEquals("Paris", paris.name());
        assertEquals("75", paris.departementCode());
        assertEquals("11", paris.regionCode());
        assertEquals("217500016", paris.siren());
        assertEquals(21, paris.postalCodes().size(), "75001..75020 plus 75116");
        assertTrue(paris.postalCodes().contains("75116"));
        assertEquals("Métropole du Grand Paris", ref.epciOfCommune("75056").orElseThrow().name());
        assertEquals(List.of(paris), ref.communesByPostalCode("75116"));
    }

    @Test
    void guadeloupeCommuneIsDromWithItsDepartementAsTerritory() {
        Commune pointeAPitre = ref.commune("97120").orElseThrow();
        assertEquals("Pointe-à-Pitre", pointeAPitre.name());
        assertEquals("971", pointeAPitre.departementCode());
        assertEquals("01", pointeAPitre.regionCode());
        assertEquals(TerritoryZone.DROM, pointeAPitre.zone());
        assertEquals("971", ref.territoryCodeOf(pointeAPitre));
        assertEquals(List.of("97110"), pointeAPitre.postalCodes());
        assertEquals("Guadeloupe", ref.region("01").orElseThrow().name());
        assertEquals("Ain", ref.departement("01").orElseThrow().name(), "région and département codes overlap");
    }

    @Test
    void mayotte() {
        Commune mamoudzou = ref.commune("97611").orElseThrow();
        assertEquals("Mamoudzou", mamoudzou.name());
        assertEquals(TerritoryZone.DROM, mamoudzou.zone());
        assertEquals("976", ref.territoryCodeOf(mamoudzou));
        assertEquals("06", mamoudzou.regionCode());
        assertEquals(17, ref.communesOfDepartement("976").size());
        assertTrue(ref.communesOfDepartement("976").stream().allMatch(c -> c.zone() == TerritoryZone.DROM));
        assertEquals(Optional.of("976"), ref.territoryCodeOf("97601"));
    }

    @Test
    void comCommunesUseTheirComCodeAsTerritory() {
        Commune saintBarthelemy = ref.commune("97701").orElseThrow();
        assertEquals(TerritoryZone.COM, saintBarthelemy.zone());
        assertEquals("977", ref.territoryCodeOf(saintBarthelemy));
        assertNull(saintBarthelemy.siren(), "the COG gives no SIREN for COM communes");
        assertNull(saintBarthelemy.epciSiren());
        assertEquals(Optional.empty(), ref.epciOfCommune("97701"));
        assertEquals(Optional.of("987"), ref.territoryCodeOf("98735")); // Papeete
        assertEquals(Optional.of("988"), ref.territoryCodeOf("98818")); // Nouméa
        assertEquals(Optional.of("975"), ref.territoryCodeOf("97502")); // Saint-Pierre
        assertTrue(ref.commune("98414").orElseThrow().postalCodes().isEmpty(), "Terre-Adélie has no postal code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "00000", "2C001", "97500", "971", "abc", "1234567"})
    @NullAndEmptySource
    void unknownCommuneIsEmpty(String code) {
        assertEquals(Optional.empty(), ref.commune(code));
        assertEquals(Optional.empty(), ref.epciOfCommune(code));
        assertEquals(Optional.empty(), ref.territoryCodeOf(code));
    }

    @Test
    void unknownCodesGiveEmptyResults() {
        assertEquals(Optional.empty(), ref.departement("20"), "Corsica is 2A/2B");
        assertEquals(Optional.empty(), ref.region("99"));
        assertEquals(Optional.empty(), ref.epci("123456789"));
        assertEquals(List.of(), ref.communesByPostalCode("00000"));
        assertEquals(List.of(), ref.communesOfDepartement("99"));
        assertEquals(Optional.empty(), ref.zoneOf("985"), "Mayotte's former COM code is gone");
        assertEquals(Optional.empty(), ref.zoneOf(null));
        assertEquals(Optional.empty(), ref.zoneOf("12345"));
    }

    @Test
    void codesAreNormalized() {
        assertEquals("Ajaccio", ref.commune("2a004").orElseThrow().name());
        assertEquals("Corse-du-Sud", ref.departement(" 2a ").orElseThrow().name());
        assertEquals("Lyon", ref.commune(" 69123\t").orElseThrow().name());
    }

    @Test
    void postalCodeServingSeveralCommunes() {
        List<Commune> communes = ref.communesByPostalCode("01400");
        assertTrue(communes.size() > 1, "01400 serves several communes");
        assertTrue(communes.stream().anyMatch(c -> c.code().equals("01001")), "L'Abergement-Clémenciat");
        assertTrue(communes.stream().allMatch(c -> c.postalCodes().contains("01400")));
        List<String> codes = communes.stream().map(Commune::code).collect(Collectors.toList());
        assertEquals(codes.stream().sorted().collect(Collectors.toList()), codes, "sorted by INSEE code");
        assertThrows(UnsupportedOperationException.class, () -> communes.add(communes.get(0)));
    }

    @Test
    void lyonPostalCodeGivesLyonNotItsArrondissement() {
        assertEquals(List.of("69123"), ref.communesByPostalCode("69001").stream().map(Commune::code).collect(Collectors.toList()));
    }

    @Test
    void departementAndItsCommunes() {
        Departement rhone = ref.departement("69").orElseThrow();
        assertEquals(new Departement("69", "Rhône", "84", TerritoryZone.METRO), rhone);
        List<Commune> communes = ref.communesOfDepartement("69");
        assertTrue(communes.size() > 200);
        assertTrue(communes.stream().allMatch(c -> c.departementCode().equals("69")));
        assertTrue(communes.stream().noneMatch(c -> ref.isArrondissementMunicipal(c.code())));
        assertEquals(new Departement("971", "Guadeloupe", "01", TerritoryZone.DROM), ref.departement("971").orElseThrow());
        assertEquals(TerritoryZone.COM, ref.departement("987").orElseThrow().zone());
    }

    @Test
    void metropoleDeLyon() {
        Epci metropole = ref.epci("200046977").orElseThrow();
        assertEquals("Métropole de Lyon", metropole.name());
        assertEquals("MET69", metropole.type());
        assertTrue(metropole.memberCommuneCodes().contains("69123"));
        assertTrue(metropole.memberCommuneCodes().contains("69266"), "Villeurbanne");
        assertEquals(metropole, ref.epciOfCommune("69123").orElseThrow());
        assertTrue(metropole.memberCommuneCodes().stream().allMatch(code -> ref.commune(code).orElseThrow().epciSiren().equals("200046977")));
    }

    @Test
    void islandsOutsideAnyEpci() {
        Commune ouessant = ref.commune("29155").orElseThrow();
        assertNull(ouessant.epciSiren());
        assertEquals(Optional.empty(), ref.epciOfCommune("29155"));
    }

    @Test
    void everyCommuneBelongsToTheEpciListingIt() {
        for (Epci epci : ref.epcis()) {
            assertFalse(epci.memberCommuneCodes().isEmpty(), epci.siren());
            assertTrue(Siren.isValid(epci.siren()), epci.siren());
            for (String code : epci.memberCommuneCodes()) {
                assertEquals(epci.siren(), ref.commune(code).orElseThrow().epciSiren());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "971, DROM", "972, DROM", "973, DROM", "974, DROM", "976, DROM",
        "975, COM", "977, COM", "978, COM", "984, COM", "986, COM", "987, COM", "988, COM", "989, COM",
        "69, METRO", "2A, METRO", "75, METRO",
        "69123, METRO", "97120, DROM", "97611, DROM", "98735, COM", "75101, METRO"
    })
    void zoneOf(String code, TerritoryZone zone) {
        assertEquals(Optional.of(zone), ref.zoneOf(code));
    }

    @Test
    void arrondissementsMunicipaux() {
        Commune lyon1 = ref.commune("69381").orElseThrow();
        assertEquals("Lyon 1er Arrondissement", lyon1.name());
        assertNull(lyon1.siren());
        assertEquals("200046977", lyon1.epciSiren(), "shares its city's EPCI");
        assertTrue(ref.isArrondissementMunicipal("69381"));
        assertFalse(ref.isArrondissementMunicipal("69123"));
        assertEquals("69123", ref.parentCommuneOf("69381").orElseThrow().code());
        assertEquals(Optional.empty(), ref.parentCommuneOf("69123"));
        assertEquals(20, ref.arrondissementsOf("75056").size());
        assertEquals(9, ref.arrondissementsOf("69123").size());
        assertEquals(16, ref.arrondissementsOf("13055").size());
        assertEquals(List.of(), ref.arrondissementsOf("01001"));
        assertEquals("69", ref.territoryCodeOf(lyon1));
    }

    @Test
    void globalCountsAndInvariants() {
        assertEquals(34_969, ref.communeCount());
        assertEquals(109, ref.departements().size());
        assertEquals(26, ref.regions().size());
        assertEquals(1_255, ref.epcis().size());
        assertEquals("6.0.0", ref.sourceVersion());
        assertTrue(ref.extractionDate().getYear() >= 2026);
        Set<String> dromCodes = ref.departements().stream().filter(d -> d.zone() == TerritoryZone.DROM)
                .map(Departement::code).collect(Collectors.toSet());
        assertEquals(Set.of("971", "972", "973", "974", "976"), dromCodes);
        Set<String> comCodes = ref.departements().stream().filter(d -> d.zone() == TerritoryZone.COM)
                .map(Departement::code).collect(Collectors.toSet());
        assertEquals(Set.of("975", "977", "978", "984", "986", "987", "988", "989"), comCodes);
        // Every SIREN the referential holds passes the checksum.
        for (Departement d : ref.departements()) {
            for (Commune c : ref.communesOfDepartement(d.code())) {
                assertTrue(c.siren() == null || Siren.isValid(c.siren()), c.code());
                assertEquals(d.zone(), c.zone(), c.code());
                assertEquals(d.regionCode(), c.regionCode(), c.code());
            }
        }
    }

    @Test
    void collectionsAreImmutable() {
        Commune lyon = ref.commune("69123").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> lyon.postalCodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> ref.communesOfDepartement("69").clear());
        assertThrows(UnsupportedOperationException.class, () -> ref.epci("200046977").orElseThrow().memberCommuneCodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> ref.regions().clear());
    }

    @Test
    void instanceIsOneSharedObjectAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TerritorialReferential>> calls = IntStream.range(0, 32)
                    .<Callable<TerritorialReferential>>mapToObj(i -> TerritorialReferential::instance).collect(Collectors.toList());
            for (Future<TerritorialReferential> f : pool.invokeAll(calls)) {
                assertTrue(f.get() == ref);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
