package fr.cnfs.applications.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import fr.cnfs.territory.TerritorialReferential;
import fr.cnfs.territory.TerritoryZone;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Registers structures accueillantes and keeps their contact up to date. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class StructureService {

    public record NewStructure(String siret, String name, StructureType type, String communeCode, boolean qpv,
            boolean zrr, Contact contact) {
    }

    /** Contact fields to change; a null field is left as it is. */
    public record ContactChanges(String firstName, String lastName, String role, String email, String phone) {
    }

    /** Filters of the structure list; null means any. */
    public record StructureFilter(StructureType type, StructureCategory category, String departementCode,
            String regionCode, TerritoryZone zone, String siret, String nameContains) {
    }

    private final StructureIdentityRules identityRules = new StructureIdentityRules(TerritorialReferential.instance());
    private final ProgrammeCalendar calendar;

    StructureService(ProgrammeCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Registers a structure; its territory comes from the referential. A SIRET registers once (409), and must match
     * the referential's SIREN for a commune or an EPCI (422).
     */
    public Structure register(NewStructure request) {
        TerritorialPlacement placement = identityRules.place(request.siret(), request.type(), request.communeCode());
        Structure.findBySiret(request.siret()).ifPresent(existing -> {
            throw duplicate(request.siret());
        });
        Structure structure = new Structure();
        structure.id = UUID.randomUUID();
        structure.siret = request.siret();
        structure.name = request.name().strip();
        structure.nameSearch = SearchText.normalize(structure.name);
        structure.type = request.type();
        structure.category = request.type().category();
        structure.communeCode = placement.communeCode();
        structure.departementCode = placement.departementCode();
        structure.regionCode = placement.regionCode();
        structure.territoryZone = placement.zone();
        structure.territoryCode = placement.territoryCode();
        structure.qpv = request.qpv();
        structure.zrr = request.zrr();
        structure.contact = request.contact();
        structure.createdAt = calendar.now();
        structure.updatedAt = structure.createdAt;
        try {
            structure.persistAndFlush();
        } catch (PersistenceException e) {
            // Two registrations of one SIRET at the same moment: the unique constraint decides.
            if (UniqueConstraints.violated(e, "structure_siret_unique")) {
                throw duplicate(request.siret());
            }
            throw e;
        }
        return structure;
    }

    /** Changes the contact only; {@code expectedVersion}, when given, must be the current version (else 412). */
    public Structure updateContact(UUID id, ContactChanges changes, Long expectedVersion, AccessScope scope) {
        Structure structure = get(id, scope);
        if (expectedVersion != null && expectedVersion != structure.version) {
            throw new PreconditionFailedException("structure " + id + " is at version " + structure.version
                    + ", not " + expectedVersion + "; read it again");
        }
        Contact contact = structure.contact == null ? new Contact() : structure.contact;
        if (changes.firstName() != null) {
            contact.firstName = changes.firstName().strip();
        }
        if (changes.lastName() != null) {
            contact.lastName = changes.lastName().strip();
        }
        if (changes.role() != null) {
            contact.role = changes.role().strip();
        }
        if (changes.email() != null) {
            contact.email = changes.email().strip();
        }
        if (changes.phone() != null) {
            contact.phone = changes.phone().strip();
        }
        structure.contact = contact;
        structure.updatedAt = calendar.now();
        Structure.flush();
        return structure;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Structure> find(UUID id, AccessScope scope) {
        return Structure.<Structure>findByIdOptional(id).filter(scope::covers);
    }

    @Transactional(TxType.SUPPORTS)
    public Structure get(UUID id, AccessScope scope) {
        return find(id, scope).orElseThrow(() -> new ResourceNotFoundException("Structure", id));
    }

    @Transactional(TxType.SUPPORTS)
    public PanacheQuery<Structure> search(StructureFilter filter, AccessScope scope, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        addCondition(conditions, parameters, "type", filter.type());
        addCondition(conditions, parameters, "category", filter.category());
        addCondition(conditions, parameters, "departementCode", filter.departementCode());
        addCondition(conditions, parameters, "regionCode", filter.regionCode());
        addCondition(conditions, parameters, "territoryZone", filter.zone());
        addCondition(conditions, parameters, "siret", filter.siret());
        if (scope.siret() != null) {
            conditions.add("siret = :scopeSiret");
            parameters.put("scopeSiret", scope.siret());
        }
        if (scope.departementCode() != null) {
            conditions.add("departementCode = :scopeDepartement");
            parameters.put("scopeDepartement", scope.departementCode());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            conditions.add("nameSearch like :name escape '!'");
            parameters.put("name", SearchText.containsPattern(filter.nameContains()));
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        Parameters panacheParameters = new Parameters();
        parameters.forEach(panacheParameters::and);
        return Structure.find(where, sort, panacheParameters);
    }

    private static void addCondition(List<String> conditions, Map<String, Object> parameters, String property,
            Object value) {
        if (value != null) {
            conditions.add(property + " = :" + property);
            parameters.put(property, value);
        }
    }

    private static StateConflictException duplicate(String siret) {
        return new StateConflictException("duplicate-siret", "a structure with SIRET " + siret + " is already registered");
    }
}
