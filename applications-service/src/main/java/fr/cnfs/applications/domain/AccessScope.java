package fr.cnfs.applications.domain;

/**
 * What a caller may see: everything (reviewers, admins), one SIRET's data (a structure) or one département's
 * (a prefect). Objects outside the scope are answered as if they did not exist.
 *
 * @param siret           when not null, only this SIRET's structures and applications
 * @param departementCode when not null, only this département's
 * @param stateAgent      sees what the State keeps to itself: internal notes and the prefect's opinion
 */
public record AccessScope(String siret, String departementCode, boolean stateAgent) {

    public static AccessScope everything() {
        return new AccessScope(null, null, true);
    }

    /** A structure token without a SIRET claim sees nothing: the empty SIRET matches no row. */
    public static AccessScope ofStructure(String siret) {
        return new AccessScope(siret == null ? "" : siret, null, false);
    }

    public static AccessScope ofDepartement(String departementCode) {
        return new AccessScope(null, departementCode == null ? "" : departementCode, true);
    }

    public boolean covers(String ownerSiret, String ownerDepartementCode) {
        return (siret == null || siret.equals(ownerSiret))
                && (departementCode == null || departementCode.equals(ownerDepartementCode));
    }

    public boolean covers(Structure structure) {
        return covers(structure.siret, structure.departementCode);
    }

    public boolean covers(Application application) {
        return covers(application.siret, application.departementCode);
    }
}
