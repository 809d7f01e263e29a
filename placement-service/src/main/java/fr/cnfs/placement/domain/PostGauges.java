package fr.cnfs.placement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fr.cnfs.plumbing.observability.DatabaseGauge;

/** The business figures of this service on /q/metrics ({@code cnfs_posts{state=...}}). */
@ApplicationScoped
class PostGauges {

    @Produces
    @Singleton
    DatabaseGauge postsByState() {
        return DatabaseGauge.countByState("cnfs.posts", "Funded posts (postes) by state", "post", "state",
                PostState.values());
    }
}
