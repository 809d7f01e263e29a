package fr.cnfs.territory;

import java.util.List;
import java.util.Objects;

/**
 * An EPCI à fiscalité propre (DGCL list).
 *
 * @param memberCommuneCodes INSEE codes of its member communes, sorted
 * @param type               DGCL legal form: CC, CA, CU, METRO or MET69 (Métropole de Lyon); {@code null} if unknown
 */
public record Epci(String siren, String name, List<String> memberCommuneCodes, String type) {

    public Epci {
        Objects.requireNonNull(siren, "siren");
        Objects.requireNonNull(name, "name");
        memberCommuneCodes = memberCommuneCodes == null ? List.of() : List.copyOf(memberCommuneCodes);
    }

    public Epci(String siren, String name, List<String> memberCommuneCodes) {
        this(siren, name, memberCommuneCodes, null);
    }
}
