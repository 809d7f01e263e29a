package fr.cnfs.applications.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.cnfs.plumbing.query.HqlLiterals;
import fr.cnfs.territory.TerritoryZone;

/**
 * The filters of the application list and export; null (or empty) means any. Submission dates are French calendar
 * days, both included.
 */
public record ApplicationFilter(
        List<ApplicationStatus> statuses,
        UUID campaignId,
        UUID structureId,
        String siret,
        String departementCode,
        String regionCode,
        TerritoryZone zone,
        StructureCategory category,
        LocalDate submittedFrom,
        LocalDate submittedTo) {

    public ApplicationFilter {
        statuses = statuses == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(statuses));
    }

    /** An HQL condition and its named parameters. */
    public record Where(String condition, Map<String, Object> parameters) {
    }

    /**
     * The condition over an {@code Application} whose properties are reached through {@code prefix} ("" for the
     * root of a simple query, "a." for an aliased one), restricted to what {@code scope} may see.
     */
    public Where where(String prefix, AccessScope scope, ProgrammeCalendar calendar) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!statuses.isEmpty()) {
            // Literals, not parameters: a parameter inside "in (...)" may take a list, so Hibernate caches no plan for
            // the query and translates it again at every call (a third of a page's time, JFR).
            conditions.add(prefix + "status in " + HqlLiterals.inList(statuses));
        }
        equal(conditions, parameters, prefix + "campaign.id", "campaignId", campaignId);
        equal(conditions, parameters, prefix + "structure.id", "structureId", structureId);
        equal(conditions, parameters, prefix + "siret", "siret", siret);
        equal(conditions, parameters, prefix + "departementCode", "departementCode", departementCode);
        equal(conditions, parameters, prefix + "regionCode", "regionCode", regionCode);
        equal(conditions, parameters, prefix + "territoryZone", "zone", zone);
        equal(conditions, parameters, prefix + "category", "category", category);
        if (submittedFrom != null) {
            conditions.add(prefix + "submittedAt >= :submittedFrom");
            parameters.put("submittedFrom", calendar.startOf(submittedFrom));
        }
        if (submittedTo != null) {
            conditions.add(prefix + "submittedAt < :submittedBefore");
            parameters.put("submittedBefore", calendar.startOf(submittedTo.plusDays(1)));
        }
        equal(conditions, parameters, prefix + "siret", "scopeSiret", scope.siret());
        equal(conditions, parameters, prefix + "departementCode", "scopeDepartement", scope.departementCode());
        return new Where(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }

    private static void equal(List<String> conditions, Map<String, Object> parameters, String property, String name,
            Object value) {
        if (value != null) {
            conditions.add(property + " = :" + name);
            parameters.put(name, value);
        }
    }
}
