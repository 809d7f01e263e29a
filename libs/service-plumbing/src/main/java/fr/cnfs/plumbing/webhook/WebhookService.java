package fr.cnfs.plumbing.webhook;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.EventCatalog;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class WebhookService {

    private final WebhookConfig config;
    private final WebhookDeliveries deliveries;

    WebhookService(WebhookConfig config, WebhookDeliveries deliveries) {
        this.config = config;
        this.deliveries = deliveries;
    }

    public WebhookSubscription subscribe(String url, List<String> eventTypes, String secret, String createdBy) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("url", "is not a valid URL");
        }
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new InvalidRequestException("url", "must be an absolute http or https URL");
        }
        TreeSet<String> allowed = new TreeSet<>(config.publishedTypes().orElse(List.copyOf(EventCatalog.eventTypes())));
        for (String type : eventTypes) {
            if (!allowed.contains(type)) {
                throw new InvalidRequestException("eventTypes",
                        "'" + type + "' is not an event type of this service; one of " + allowed);
            }
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.url = url;
        subscription.eventTypes = List.copyOf(new TreeSet<>(eventTypes));
        subscription.secret = secret;
        subscription.active = true;
        subscription.createdBy = createdBy;
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.persist();
        return subscription;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<WebhookSubscription> find(UUID id) {
        return WebhookSubscription.findByIdOptional(id);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(PageRequest page, Function<WebhookSubscription, T> view) {
        Sort sort = page.sortOr(Map.of("createdAt", "createdAt"), Sort.descending("createdAt").and("id"));
        return PageOf.of(WebhookSubscription.find("deletedAt is null", sort), page, view);
    }

    /** Stops deliveries to the subscription; the pending ones are cancelled. Deleting twice is harmless. */
    public void unsubscribe(UUID id) {
        WebhookSubscription subscription = WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Webhook", id));
        if (subscription.active) {
            subscription.active = false;
            subscription.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            deliveries.cancelPending(id);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> deliveries(UUID subscriptionId, String status, PageRequest page,
            Function<WebhookDelivery, T> view) {
        find(subscriptionId).orElseThrow(() -> new ResourceNotFoundException("Webhook", subscriptionId));
        String query = "subscriptionId = :subscription" + (status == null ? "" : " and status = :status");
        Parameters parameters = Parameters.with("subscription", subscriptionId);
        if (status != null) {
            parameters.and("status", status);
        }
        Sort sort = page.sortOr(Map.of("createdAt", "seq"), Sort.descending("seq"));
        return PageOf.of(WebhookDelivery.find(query, sort, parameters), page, view);
    }
}
