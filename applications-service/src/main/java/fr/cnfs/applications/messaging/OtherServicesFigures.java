package fr.cnfs.applications.messaging;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import fr.cnfs.applications.config.ApplicationsConfig;
import fr.cnfs.contracts.reconciliation.CampaignFigures;
import fr.cnfs.plumbing.problem.DependencyUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Reads placement's and funding's figures of a campaign with the caller's own token: reconciliation is the one
 * operation that asks the other services synchronously (issue 6); the events stay the only way state travels.
 */
@ApplicationScoped
public class OtherServicesFigures {

    private final CampaignFiguresClient placement;
    private final CampaignFiguresClient funding;

    OtherServicesFigures(ApplicationsConfig config) {
        this.placement = client(config.reconciliation().placementUrl());
        this.funding = client(config.reconciliation().fundingUrl());
    }

    public CampaignFigures placement(UUID campaignId, String authorization) {
        return read("placement-service", () -> placement.figures(campaignId, authorization));
    }

    public CampaignFigures funding(UUID campaignId, String authorization) {
        return read("funding-service", () -> funding.figures(campaignId, authorization));
    }

    private static CampaignFigures read(String service, java.util.function.Supplier<CampaignFigures> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException(service + " did not give its figures (" + e.getClass().getSimpleName()
                    + "); retry later");
        }
    }

    private static CampaignFiguresClient client(URI baseUri) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(baseUri)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build(CampaignFiguresClient.class);
    }
}
