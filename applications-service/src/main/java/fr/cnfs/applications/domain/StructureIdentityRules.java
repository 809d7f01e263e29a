package fr.cnfs.applications.domain;

import java.util.Optional;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.territory.Commune;
import fr.cnfs.territory.Epci;
import fr.cnfs.territory.TerritorialReferential;

/**
 * Checks a structure's identity against the territorial referential: its commune exists, a commune's SIRET starts
 * with that commune's SIREN, an EPCI's with the SIREN of the EPCI its seat belongs to, an overseas collectivity sits
 * overseas. Pure: the referential is the only input besides the request.
 */
public final class StructureIdentityRules {

    private final TerritorialReferential referential;

    public StructureIdentityRules(TerritorialReferential referential) {
        this.referential = referential;
    }

    /**
     * Where the structure is, or a 422 naming the broken rule. The SIRET's own format and check digit are checked
     * before (400).
     */
    public TerritorialPlacement place(String siret, StructureType type, String communeCode) {
        Commune commune = referential.commune(communeCode)
                .orElseThrow(() -> new BusinessRuleException("unknown-commune",
                        "communeCode " + communeCode + " is not a commune of the official geographic code (COG "
                                + referential.sourceVersion() + ")"));
        String siren = siret.substring(0, 9);
        switch (type) {
            case COMMUNE -> requireCommuneSiren(siren, commune);
            case EPCI -> requireEpciSiren(siren, commune);
            case COLLECTIVITE_OUTRE_MER -> {
                if (!commune.zone().isOverseas()) {
                    throw new BusinessRuleException("not-overseas", "a COLLECTIVITE_OUTRE_MER must sit overseas, but "
                            + commune.name() + " (" + commune.code() + ") is in mainland France");
                }
            }
            default -> {
                // Départements, régions, syndicats, GIP and private structures: the referential holds no SIREN for them.
            }
        }
        return new TerritorialPlacement(commune.code(), commune.name(), commune.departementCode(), commune.regionCode(),
                commune.zone(), referential.territoryCodeOf(commune));
    }

    /** A municipal arrondissement is no legal entity: the town hall is its city's, with the city's SIREN. */
    private void requireCommuneSiren(String siren, Commune commune) {
        Commune city = referential.parentCommuneOf(commune.code()).orElse(commune);
        if (city.siren() == null) {
            // COM communes have no SIREN in the COG: nothing to compare with; the SIRET checksum still applies.
            return;
        }
        if (!city.siren().equals(siren)) {
            throw new BusinessRuleException("siret-siren-mismatch", "the SIRET of a COMMUNE must start with the SIREN of "
                    + city.name() + " (" + city.code() + "), " + city.siren() + ", but starts with " + siren);
        }
    }

    private void requireEpciSiren(String siren, Commune seat) {
        Optional<Epci> epci = referential.epciOfCommune(seat.code());
        if (epci.isEmpty()) {
            throw new BusinessRuleException("siret-siren-mismatch", "the seat of an EPCI must be a member commune, but "
                    + seat.name() + " (" + seat.code() + ") belongs to no EPCI à fiscalité propre");
        }
        if (!epci.get().siren().equals(siren)) {
            String named = referential.epci(siren).map(other -> " (" + other.name() + ")").orElse("");
            throw new BusinessRuleException("siret-siren-mismatch", "the SIRET of an EPCI must start with the SIREN of "
                    + "the EPCI of its seat " + seat.name() + " (" + seat.code() + "): " + epci.get().name() + ", "
                    + epci.get().siren() + ", but starts with " + siren + named);
        }
    }
}
