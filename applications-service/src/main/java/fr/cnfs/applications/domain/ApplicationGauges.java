package fr.cnfs.applications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fr.cnfs.plumbing.observability.DatabaseGauge;

/** The business figures of this service on /q/metrics ({@code cnfs_applications{status=...}}). */
@ApplicationScoped
class ApplicationGauges {

    @Produces
    @Singleton
    DatabaseGauge applicationsByStatus() {
        return DatabaseGauge.countByState("cnfs.applications", "Applications (candidatures) by status", "application",
                "status", ApplicationStatus.values());
    }
}
