package fr.cnfs.territory;

import java.util.Objects;

/**
 * A région. The COG lists each COM (975, 977, ...) as a pseudo-région whose code is the COM code.
 * Note that région codes overlap département codes ("01" is Guadeloupe as a région, Ain as a département).
 */
public record Region(String code, String name) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
