package fr.cnfs.placement.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import fr.cnfs.placement.api.ConseillerRequests.Change;
import fr.cnfs.placement.api.ConseillerRequests.RecordTraining;
import fr.cnfs.placement.api.ConseillerRequests.Register;
import fr.cnfs.placement.domain.Conseiller;
import fr.cnfs.placement.domain.ConseillerFilter;
import fr.cnfs.placement.domain.ConseillerService;
import fr.cnfs.placement.domain.ConseillerStatus;
import fr.cnfs.placement.domain.Mobility;
import fr.cnfs.placement.domain.TrainingAction;
import fr.cnfs.placement.domain.TrainingStatus;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Roles;
import fr.cnfs.territory.TerritoryZone;
import io.quarkus.security.ForbiddenException;

@Path("/conseillers")
@Tag(name = "Conseillers", description = "The national pool of advisers (conseillers numériques) and their training")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ConseillerResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ConseillerService service;
    private final CallerScope scope;

    ConseillerResource(ConseillerService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "registerConseiller", summary = "Join the pool", description = "An adviser registers itself: the profile belongs to the"
            + " token's account, one per account. An admin may register anyone. The commune must be in the official"
            + " geographic code; département, région, EPCI and zone are derived from it. The email is unique.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "adviser", value = Examples.REGISTER_CONSEILLER)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ConseillerView.class),
                    examples = @ExampleObject(name = "adviser", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "409", description = "Email already registered, or this account already has a"
            + " profile", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = Examples.PROBLEM_DUPLICATE_EMAIL)))
    @APIResponse(responseCode = "422", description = "Unknown commune", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "commune", value = Examples.PROBLEM_UNKNOWN_COMMUNE)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public RestResponse<ConseillerView> register(@Valid @NotNull Register request) {
        String account;
        if (scope.isAdmin()) {
            account = request.accountSubject();
        } else {
            if (request.accountSubject() != null && !request.accountSubject().equals(scope.subject())) {
                throw new InvalidRequestException("accountSubject", "an adviser registers its own account: leave it out");
            }
            account = scope.subject();
        }
        Conseiller conseiller = service.register(request.profile(), account);
        return RestResponse.ResponseBuilder.<ConseillerView> created(URI.create("/conseillers/" + conseiller.id))
                .entity(ConseillerView.of(conseiller, service.trainingHistory(conseiller.id)))
                .header(HttpHeaders.ETAG, ETags.of(conseiller.version)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CONSEILLER)
    @Operation(operationId = "getOwnConseillerProfile", summary = "The calling adviser's own profile",
            description = "The profile of the adviser the bearer token names, with its training history; 404 until"
                    + " the adviser has registered.")
    @APIResponse(responseCode = "200", description = "The profile; its version is the ETag",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ConseillerView.class),
                    examples = @ExampleObject(name = "adviser", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "404", description = "This account has not registered yet", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public RestResponse<ConseillerView> me() {
        Conseiller own = scope.ownProfile().orElseThrow(() -> new ResourceNotFoundException("Conseiller", "me"));
        return withETag(own);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "getConseiller", summary = "Get an adviser, with the training history", description = "An adviser sees only its own"
            + " profile.")
    @APIResponse(responseCode = "200", description = "The profile; its version is the ETag",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ConseillerView.class),
                    examples = @ExampleObject(name = "adviser", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "404", description = "No such adviser, or not you", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public RestResponse<ConseillerView> get(@PathParam("id") UUID id) {
        return withETag(visible(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, APPLICATION_JSON })
    @RolesAllowed({ Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "updateConseiller", summary = "Change an adviser's profile", description = "JSON merge patch; honours If-Match. A new"
            + " commune re-derives département, région, EPCI and zone.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change", value = Examples.CHANGE_CONSEILLER)))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ConseillerView.class),
                    examples = @ExampleObject(name = "adviser", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such adviser, or not you", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Email taken, or a status change the contracts decide",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = Examples.PROBLEM_DUPLICATE_EMAIL)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    @APIResponse(responseCode = "422", description = "Unknown commune", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "commune", value = Examples.PROBLEM_UNKNOWN_COMMUNE)))
    public RestResponse<ConseillerView> update(@PathParam("id") UUID id, @Valid @NotNull Change request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        visible(id);
        return withETag(service.update(id, request.changes(), ETags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{id}/training")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.CONSEILLER, Roles.ADMIN })
    @Operation(summary = "Record a training step", description = "NOT_STARTED → ENROLLED (ENROL) → CERTIFIED"
            + " (CERTIFY, admin only: the certification ranks candidates), progress while ENROLLED (RECORD_PROGRESS),"
            + " or ABANDONED (ABANDON). CERTIFIED and ABANDONED are final. The date is not in the future nor before"
            + " the enrolment; the hours completed never go down.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enrolment", value = Examples.RECORD_TRAINING)))
    @APIResponse(responseCode = "200", description = "Recorded; the profile with its training history",
            content = @Content(schema = @Schema(implementation = ConseillerView.class),
                    examples = @ExampleObject(name = "adviser", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "403", description = "An adviser cannot certify itself", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_SELF_CERTIFICATION)))
    @APIResponse(responseCode = "404", description = "No such adviser, or not you", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The step does not follow the training's status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "422", description = "Date in the future or before the enrolment, hours going down",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "hours", value = Examples.PROBLEM_TRAINING_HOURS)))
    public RestResponse<ConseillerView> recordTraining(@PathParam("id") UUID id, @Valid @NotNull RecordTraining request) {
        visible(id);
        if (request.action() == TrainingAction.CERTIFY && !scope.isAdmin()) {
            throw new ForbiddenException();
        }
        return withETag(service.recordTraining(id, request.entry(), scope.actor()));
    }

    @GET
    @RolesAllowed({ Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "listConseillers", summary = "List advisers", description = "Paged and filtered. An adviser sees only its own profile.")
    @APIResponse(responseCode = "200", description = "A page of advisers", content = @Content(
            schema = @Schema(implementation = ConseillerPage.class),
            examples = @ExampleObject(name = "advisers", value = Examples.CONSEILLER_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    public PageOf<ConseillerView> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ConseillerStatus.class)) String status,
            @QueryParam("trainingStatus") @Parameter(schema = @Schema(implementation = TrainingStatus.class))
            String trainingStatus,
            @QueryParam("mobility") @Parameter(schema = @Schema(implementation = Mobility.class)) String mobility,
            @QueryParam("communeCode") @Pattern(regexp = ConseillerRequests.COMMUNE_CODE,
                    message = "must be an INSEE commune code") String communeCode,
            @QueryParam("departement") @Pattern(regexp = "[0-9][0-9AB][0-9]?", message = "must be a département code")
            String departement,
            @QueryParam("region") @Pattern(regexp = "[0-9]{2,3}", message = "must be a région code") String region,
            @QueryParam("zone") @Parameter(schema = @Schema(implementation = TerritoryZone.class)) String zone,
            @QueryParam("email") @Size(max = 254) String email,
            @Valid @BeanParam PageRequest page) {
        String account = scope.isAdviser() ? scope.subject() : null;
        var filter = new ConseillerFilter(account, QueryParams.enumOf(ConseillerStatus.class, status, "status"),
                QueryParams.enumOf(TrainingStatus.class, trainingStatus, "trainingStatus"),
                QueryParams.enumOf(Mobility.class, mobility, "mobility"), communeCode, departement, region,
                QueryParams.enumOf(TerritoryZone.class, zone, "zone"), email);
        return service.list(filter, page, ConseillerView::of);
    }

    private Conseiller visible(UUID id) {
        Conseiller conseiller = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Conseiller", id));
        scope.requireVisible(conseiller);
        return conseiller;
    }

    private RestResponse<ConseillerView> withETag(Conseiller conseiller) {
        return RestResponse.ResponseBuilder.ok(ConseillerView.of(conseiller, service.trainingHistory(conseiller.id)))
                .header(HttpHeaders.ETAG, ETags.of(conseiller.version)).build();
    }

    @Schema(name = "ConseillerPage", description = "A page of advisers")
    public record ConseillerPage(List<ConseillerView> items, int page, int size, long totalItems) {
    }
}
