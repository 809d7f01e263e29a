package fr.cnfs.funding.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fr.cnfs.plumbing.observability.DatabaseGauge;

/**
 * The business figures of this service on /q/metrics: tranches by status, as a count ({@code cnfs_tranches}) and in
 * euros ({@code cnfs_tranches_amount_euros}). A paid tranche's amount is what was paid (the schema enforces it).
 * The euro gauge is a double, fine for a dashboard; the books stay exact in the database.
 */
@ApplicationScoped
class TrancheGauges {

    @Produces
    @Singleton
    DatabaseGauge tranchesByStatus() {
        return DatabaseGauge.countByState("cnfs.tranches", "Tranches by status", "tranche", "status",
                TrancheStatus.values());
    }

    @Produces
    @Singleton
    DatabaseGauge trancheAmountsByStatus() {
        return DatabaseGauge.sumByState("cnfs.tranches.amount", "Amount of the tranches by status", "euros", "tranche",
                "status", "amount", TrancheStatus.values());
    }
}
