package fr.cnfs.placement.domain;

/** Why a contract ends before its term. OTHER needs a comment saying what happened. */
public enum RuptureReason {
    RESIGNATION,
    DISMISSAL,
    NON_RENEWAL,
    END_OF_FUNDING,
    MUTUAL_AGREEMENT,
    TRIAL_PERIOD_TERMINATION,
    OTHER
}
