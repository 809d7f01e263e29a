package fr.cnfs.contracts.events;

/**
 * The structure accueillante as it was when the event happened. Every consumer keeps its own copy,
 * so no service needs to ask applications-service for it.
 *
 * @param category      PUBLIC or PRIVATE
 * @param territoryZone METRO, DROM or COM
 * @param territoryCode the INSEE territory code that keys the overseas increase (971..989), else the département code
 */
public record StructureSnapshot(
        String siret,
        String name,
        String type,
        String category,
        String communeCode,
        String departementCode,
        String regionCode,
        String territoryZone,
        String territoryCode,
        boolean qpv,
        boolean zrr) {
}
