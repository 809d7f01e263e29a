package fr.cnfs.placement.domain;

import java.time.LocalDate;

public record RuptureDeclaration(LocalDate date, RuptureReason reason, String comment) {
}
