package fr.cnfs.territory;

import java.util.Objects;

/** A département ("01".."95", "2A", "2B", "971".."976"), or a COM listed as a pseudo-département ("975", "984"...). */
public record Departement(String code, String name, String regionCode, TerritoryZone zone) {
    public Departement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(zone, "zone");
    }
}
