package fr.cnfs.plumbing.webhook;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

/**
 * HTTP subscriptions of partner systems to this service's events. Each service delivers the events it owns, from
 * its own outbox, so a delivery exists exactly when its event does.
 */
@Path("/webhooks")
@Tag(name = "Webhooks", description = "Partner systems subscribe by HTTP to this service's events")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    @Schema(name = "WebhookSubscriptionRequest")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://agence-paiement.example/hooks/cnfs") String url,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> eventTypes,
            @NotBlank @Size(min = 16, max = 200) @Schema(description = "Shared secret for the HMAC-SHA256 signature")
            String secret) {
    }

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, boolean active, Instant createdAt) {

        static SubscriptionView of(WebhookSubscription subscription) {
            return new SubscriptionView(subscription.id, subscription.url, subscription.eventTypes, subscription.active,
                    subscription.createdAt);
        }
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(UUID id, UUID eventId, String eventType, String aggregateId, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            List<AttemptView> attemptLog) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.aggregateId,
                    delivery.status, delivery.attempts, delivery.lastStatusCode, delivery.lastError, delivery.createdAt,
                    "PENDING".equals(delivery.status) ? delivery.nextAttemptAt : null, delivery.deliveredAt,
                    delivery.attemptLog.stream().map(a -> new AttemptView(a.attempt, a.attemptedAt, a.statusCode,
                            a.error, a.durationMs)).toList());
        }
    }

    @Schema(name = "WebhookDeliveryAttempt")
    public record AttemptView(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    private static final String EXAMPLE_SUBSCRIPTION = """
            {"id": "3b9a7c1e-2f4d-4e8a-9c61-0d5e7f8a9b10", "url": "https://agence-paiement.example/hooks/cnfs",
             "eventTypes": ["fr.cnfs.tranche.due.v1"], "active": true, "createdAt": "2026-11-27T09:00:00Z"}""";

    private static final String EXAMPLE_SUBSCRIPTIONS = """
            {"items": [{"id": "3b9a7c1e-2f4d-4e8a-9c61-0d5e7f8a9b10", "url": "https://agence-paiement.example/hooks/cnfs",
                        "eventTypes": ["fr.cnfs.tranche.due.v1"], "active": true, "createdAt": "2026-11-27T09:00:00Z"}],
             "page": 0, "size": 20, "totalItems": 1}""";

    private static final String EXAMPLE_DELIVERIES = """
            {"items": [{"id": "8c2d1e0f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "eventId": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                        "eventType": "fr.cnfs.tranche.due.v1", "aggregateId": "0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21",
                        "status": "DELIVERED", "attempts": 2, "lastStatusCode": 204,
                        "createdAt": "2026-11-27T09:01:00Z", "deliveredAt": "2026-11-27T09:01:03Z",
                        "attemptLog": [
                          {"attempt": 1, "attemptedAt": "2026-11-27T09:01:00Z", "statusCode": 500, "error": "HTTP 500", "durationMs": 41},
                          {"attempt": 2, "attemptedAt": "2026-11-27T09:01:02Z", "statusCode": 204, "durationMs": 12}]}],
             "page": 0, "size": 20, "totalItems": 1}""";

    private static final String EXAMPLE_REQUEST = """
            {"url": "https://agence-paiement.example/hooks/cnfs",
             "eventTypes": ["fr.cnfs.tranche.due.v1"],
             "secret": "a-long-shared-secret-of-the-partner"}""";

    private final WebhookService service;
    private final Caller caller;

    WebhookResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a partner URL to event types",
            description = "Each event is POSTed as a CloudEvent in JSON (application/cloudevents+json), signed with "
                    + "HMAC-SHA256 of the body in X-CnFS-Signature (sha256=<hex>), retried with exponential backoff; "
                    + "events of one aggregate arrive in order.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "paying agency", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "subscription", value = EXAMPLE_SUBSCRIPTION)))
    @APIResponse(responseCode = "400", description = "Invalid URL, event type or secret", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        var subscription = service.subscribe(request.url(), request.eventTypes(), request.secret(), caller.subject());
        return Response.created(URI.create("/webhooks/" + subscription.id)).entity(SubscriptionView.of(subscription))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the active subscriptions",
            description = "Every active subscription of this service, newest first; secrets are never shown.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(schema = @Schema(implementation = SubscriptionPage.class), examples = @ExampleObject(name = "subscriptions", value = EXAMPLE_SUBSCRIPTIONS)))
    public PageOf<SubscriptionView> list(@Valid @BeanParam PageRequest page) {
        return service.list(page, SubscriptionView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a subscription",
            description = "The subscription's URL, event types and state; the secret is never shown.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "subscription", value = EXAMPLE_SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.find(id).map(SubscriptionView::of).orElseThrow(() -> new ResourceNotFoundException("Webhook", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "unsubscribeWebhook", summary = "Unsubscribe", description = "Pending deliveries are cancelled.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public void unsubscribe(@PathParam("id") UUID id) {
        service.unsubscribe(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription", description = "Newest first, with every attempt.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class), examples = @ExampleObject(name = "deliveries", value = EXAMPLE_DELIVERIES)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PageOf<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED|CANCELLED") String status,
            @Valid @BeanParam PageRequest page) {
        return service.deliveries(id, status, page, DeliveryView::of);
    }

    @Schema(name = "WebhookSubscriptionPage", description = "A page of subscriptions")
    public record SubscriptionPage(List<SubscriptionView> items, int page, int size, long totalItems) {
    }

    @Schema(name = "WebhookDeliveryPage", description = "A page of deliveries")
    public record DeliveryPage(List<DeliveryView> items, int page, int size, long totalItems) {
    }
}
