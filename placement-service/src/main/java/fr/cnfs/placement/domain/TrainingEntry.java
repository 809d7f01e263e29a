package fr.cnfs.placement.domain;

import java.time.LocalDate;

/**
 * One fact about an adviser's training.
 *
 * @param hoursCompleted hours of training done so far, in total; null keeps the last figure
 */
public record TrainingEntry(TrainingAction action, LocalDate date, Integer hoursCompleted, String comment) {
}
