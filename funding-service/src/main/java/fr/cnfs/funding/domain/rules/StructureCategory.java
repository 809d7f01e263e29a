package fr.cnfs.funding.domain.rules;

import java.util.Optional;

/** The structure's category, which chooses the base amount and reference duration of a rule set. */
public enum StructureCategory {
    PUBLIC,
    PRIVATE;

    public static Optional<StructureCategory> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StructureCategory category : values()) {
            if (category.name().equals(value)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
