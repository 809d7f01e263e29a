package fr.cnfs.placement.domain;

import java.time.LocalDate;

/** What an adviser tells about themselves, at registration or in a change (where null means "unchanged"). */
public record ConseillerProfile(
        String firstName,
        String lastName,
        String email,
        String phone,
        String communeCode,
        Mobility mobility,
        LocalDate availableFrom,
        Boolean jobSeeker,
        Boolean digitalMediationDiploma,
        Boolean priorExperience,
        ConseillerStatus status) {
}
