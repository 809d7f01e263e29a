package fr.cnfs.placement.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.placement.domain.CandidateSearch.Candidate;
import fr.cnfs.placement.domain.Mobility;
import fr.cnfs.placement.domain.Proximity;
import fr.cnfs.placement.domain.TrainingStatus;

/** What a structure sees of a candidate before a match: no contact details. */
@Schema(name = "Candidate", description = "An adviser whose mobility reaches the post, with its rank")
public record CandidateView(
        UUID conseillerId,
        String firstName,
        String lastName,
        String communeCode,
        String communeName,
        String departementCode,
        Mobility mobility,
        LocalDate availableFrom,
        TrainingStatus trainingStatus,
        boolean digitalMediationDiploma,
        boolean priorExperience,
        boolean jobSeeker,
        @Schema(description = "How close the adviser lives to the post") Proximity proximity,
        @Schema(description = "1 same commune, 2 same EPCI, 3 same département, 4 same région, 5 national") int rank) {

    static CandidateView of(Candidate candidate) {
        var c = candidate.conseiller();
        return new CandidateView(c.id, c.firstName, c.lastName, c.communeCode, c.communeName, c.departementCode,
                c.mobility, c.availableFrom, c.trainingStatus, c.digitalMediationDiploma, c.priorExperience,
                c.jobSeeker, candidate.proximity(), candidate.proximity().rank());
    }
}
