package fr.cnfs.territory;

/**
 * Where a territory sits: mainland France (incl. Corsica), a DROM (971, 972, 973, 974, 976) or a COM
 * (975, 977, 978, 984, 986, 987, 988, 989).
 */
public enum TerritoryZone {
    METRO,
    DROM,
    COM;

    /** Parses the COG zone labels "metro", "drom" and "com" (any case). */
    public static TerritoryZone fromCogLabel(String label) {
        if (label != null) {
            switch (label.toLowerCase(java.util.Locale.ROOT)) {
                case "metro": return METRO;
                case "drom": return DROM;
                case "com": return COM;
                default: break;
            }
        }
        throw new IllegalArgumentException("Unknown COG zone: " + label);
    }

    public boolean isOverseas() {
        return this != METRO;
    }
}
