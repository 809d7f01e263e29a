package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Loading from small hand-made resources: the loader rejects inconsistent data with a clear message. */
class TerritorialReferentialLoadingTest {

    private final Map<String, String> files = new HashMap<>(Map.of(
            "regions.tsv", "code\tname\tzone\n84\tAuvergne-Rhône-Alpes\tmetro\n975\tSaint-Pierre-et-Miquelon\tcom\n",
            "departements.tsv", "code\tname\tregionCode\tzone\n69\tRhône\t84\tmetro\n975\tSaint-Pierre-et-Miquelon\t975\tcom\n",
            "epci.tsv.gz", "siren\tname\ttype\n200046977\tMétropole de Lyon\tMET69\n",
            "communes.tsv.gz", "code\tname\tdepartementCode\tregionCode\tsiren\tpostalCodes\tzone\tepciSiren\tparentCommuneCode\n"
                    + "69266\tVilleurbanne\t69\t84\t216902668\t69100\tmetro\t200046977\t\n"
                    + "69123\tLyon\t69\t84\t216901231\t69001,69002\tmetro\t200046977\t\n"
                    + "69381\tLyon 1er Arrondissement\t69\t84\t\t69001\tmetro\t200046977\t69123\n"
                    + "97502\tSaint-Pierre\t975\t975\t\t97500\tcom\t\t\n",
            "referential-version.properties", "source.version=0.0.1\nextraction.date=2026-01-02\n"));

    private TerritorialReferential load() {
        return TerritorialReferential.load(name -> {
            String text = files.get(name);
            if (text == null) {
                return null;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new ByteArrayInputStream(name.endsWith(".gz") ? gzip(bytes) : bytes);
        });
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void communesShareOneInstanceOfEachEpciSirenAndPostalCode() {
        TerritorialReferential referential = load();
        Commune villeurbanne = referential.commune("69266").orElseThrow();
        Commune lyon = referential.commune("69123").orElseThrow();
        Commune firstArrondissement = referential.commune("69381").orElseThrow();
        assertSame(villeurbanne.epciSiren(), lyon.epciSiren());
        assertSame(lyon.postalCodes().get(0), firstArrondissement.postalCodes().get(0));
        assertEquals(List.of("69001", "69002"), lyon.postalCodes());
    }

    @Test
    void loadsAConsistentFixture() {
        TerritorialReferential ref = load();
        assertEquals(3, ref.communeCount());
        assertEquals(List.of("69123", "69266"), ref.epci("200046977").orElseThrow().memberCommuneCodes());
        assertEquals("MET69", ref.epci("200046977").orElseThrow().type());
        assertEquals("69123", ref.parentCommuneOf("69381").orElseThrow().code());
        assertEquals(List.of("69123"), ref.communesByPostalCode("69001").stream().map(Commune::code).toList());
        assertEquals("975", ref.territoryCodeOf(ref.commune("97502").orElseThrow()));
        assertEquals("0.0.1", ref.sourceVersion());
        assertEquals(java.time.LocalDate.of(2026, 1, 2), ref.extractionDate());
    }

    @Test
    void missingResource() {
        files.remove("epci.tsv.gz");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("Missing territorial resource /fr/cnfs/territory/epci.tsv.gz"), e.getMessage());
    }

    @Test
    void unknownDepartement() {
        files.put("communes.tsv.gz", "code\tname\tdepartementCode\tregionCode\tsiren\tpostalCodes\tzone\tepciSiren\tparentCommuneCode\n"
                + "01001\tL'Abergement-Clémenciat\t01\t84\t210100012\t01400\tmetro\t\t\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("Unknown département 01 referenced by commune 01001"), e.getMessage());
    }

    @Test
    void unknownEpci() {
        files.put("epci.tsv.gz", "siren\tname\ttype\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("Unknown EPCI 200046977"), e.getMessage());
    }

    @Test
    void wrongColumnCount() {
        files.put("departements.tsv", "code\tname\tregionCode\tzone\n69\tRhône\t84\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("departements.tsv line 2: expected 4 columns, got 3"), e.getMessage());
    }

    @Test
    void unknownZone() {
        files.put("regions.tsv", "code\tname\tzone\n84\tAuvergne-Rhône-Alpes\tmars\n");
        files.put("departements.tsv", "code\tname\tregionCode\tzone\n69\tRhône\t84\tmars\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("departements.tsv line 2: Unknown COG zone: mars"), e.getMessage());
    }

    @Test
    void duplicateCommune() {
        files.put("communes.tsv.gz", files.get("communes.tsv.gz") + "69123\tLyon\t69\t84\t216901231\t69001\tmetro\t\t\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().contains("Duplicate commune code"), e.getMessage());
    }

    @Test
    void versionFileWithoutVersion() {
        files.put("referential-version.properties", "extraction.date=2026-01-02\n");
        assertThrows(IllegalStateException.class, this::load);
    }

    @Test
    void zoneLabels() {
        assertEquals(TerritoryZone.METRO, TerritoryZone.fromCogLabel("metro"));
        assertEquals(TerritoryZone.DROM, TerritoryZone.fromCogLabel("DROM"));
        assertEquals(TerritoryZone.COM, TerritoryZone.fromCogLabel("com"));
        assertThrows(IllegalArgumentException.class, () -> TerritoryZone.fromCogLabel(null));
        assertTrue(TerritoryZone.COM.isOverseas() && TerritoryZone.DROM.isOverseas() && !TerritoryZone.METRO.isOverseas());
    }

}
