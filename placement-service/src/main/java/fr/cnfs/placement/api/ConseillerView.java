package fr.cnfs.placement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.cnfs.placement.domain.Conseiller;
import fr.cnfs.placement.domain.ConseillerStatus;
import fr.cnfs.placement.domain.Mobility;
import fr.cnfs.placement.domain.TrainingAction;
import fr.cnfs.placement.domain.TrainingRecord;
import fr.cnfs.placement.domain.TrainingStatus;
import fr.cnfs.territory.TerritoryZone;

@Schema(name = "Conseiller", description = "An adviser of the national pool")
public record ConseillerView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String communeCode,
        String communeName,
        @Schema(description = "SIREN of the commune's EPCI, if any") String epciSiren,
        String departementCode,
        String regionCode,
        TerritoryZone territoryZone,
        Mobility mobility,
        LocalDate availableFrom,
        boolean jobSeeker,
        boolean digitalMediationDiploma,
        boolean priorExperience,
        ConseillerStatus status,
        Training training,
        @Schema(description = "Whether the profile belongs to an adviser's own account") boolean selfRegistered,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    @Schema(name = "Training", description = "The adviser's State-funded training")
    public record Training(
            TrainingStatus status,
            LocalDate enrolledOn,
            LocalDate certifiedOn,
            LocalDate abandonedOn,
            int hoursCompleted,
            @Schema(description = "Every recorded step, oldest first (single-adviser view only)")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> history) {
    }

    @Schema(name = "TrainingStep")
    public record Step(TrainingAction action, TrainingStatus statusBefore, TrainingStatus statusAfter,
            LocalDate date, int hoursCompleted, String comment, String recordedBy, Instant recordedAt) {

        static Step of(TrainingRecord record) {
            return new Step(record.action, record.statusBefore, record.statusAfter, record.occurredOn,
                    record.hoursCompleted, record.comment, record.recordedBy, record.recordedAt);
        }
    }

    static ConseillerView of(Conseiller conseiller) {
        return of(conseiller, null);
    }

    static ConseillerView of(Conseiller conseiller, List<TrainingRecord> trainingHistory) {
        return new ConseillerView(conseiller.id, conseiller.firstName, conseiller.lastName, conseiller.email,
                conseiller.phone, conseiller.communeCode, conseiller.communeName, conseiller.epciSiren,
                conseiller.departementCode, conseiller.regionCode, conseiller.territoryZone, conseiller.mobility,
                conseiller.availableFrom, conseiller.jobSeeker, conseiller.digitalMediationDiploma,
                conseiller.priorExperience, conseiller.status,
                new Training(conseiller.trainingStatus, conseiller.trainingEnrolledOn, conseiller.trainingCertifiedOn,
                        conseiller.trainingAbandonedOn, conseiller.trainingHoursCompleted,
                        trainingHistory == null ? null : trainingHistory.stream().map(Step::of).toList()),
                conseiller.accountSubject != null, conseiller.createdAt, conseiller.updatedAt, conseiller.version);
    }
}
