package fr.cnfs.placement.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import fr.cnfs.placement.api.MatchRequests.CreateMatch;
import fr.cnfs.placement.api.MatchRequests.Decline;
import fr.cnfs.placement.api.MatchRequests.DeclareRupture;
import fr.cnfs.placement.api.MatchRequests.ProposeContract;
import fr.cnfs.placement.domain.Match;
import fr.cnfs.placement.domain.MatchDetails;
import fr.cnfs.placement.domain.MatchFilter;
import fr.cnfs.placement.domain.MatchService;
import fr.cnfs.placement.domain.MatchState;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Roles;

/**
 * Mises en relation, from the proposal of an adviser to the end of the contract. Commands answer the match as it is
 * after the command; every command honours If-Match.
 */
@Path("/matches")
@Tag(name = "Matches", description = "Mises en relation: matching, recruitment, contracts and ruptures")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class MatchResource {

    private final MatchService service;
    private final CallerScope scope;

    MatchResource(MatchService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "createMatch", summary = "Propose an adviser for a post", description = "A structure, for one of its VACANT posts and"
            + " an AVAILABLE adviser whose mobility reaches it: a NEW match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "match", value = Examples.CREATE_MATCH)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = MatchView.class),
                    examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such post (or not yours), or no such adviser",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Post not VACANT, adviser not AVAILABLE, or an open match for"
            + " this pair already", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "422", description = "The adviser's mobility does not reach the post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "out of reach", value = Examples.PROBLEM_OUT_OF_REACH)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public RestResponse<MatchView> create(@Valid @NotNull CreateMatch request) {
        var created = service.create(request.postId(), request.conseillerId(), scope.siretScope(), scope.actor());
        Match match = created.match();
        return RestResponse.ResponseBuilder.<MatchView> created(URI.create("/matches/" + match.id))
                .entity(MatchView.of(created)).header(HttpHeaders.ETAG, ETags.of(match.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "getMatch", summary = "Get a match with its contract and history", description = "A structure sees its own"
            + " matches, an adviser those that concern it.")
    @APIResponse(responseCode = "200", description = "The match; its version is the ETag",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MatchView.class),
                    examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public RestResponse<MatchView> get(@PathParam("id") UUID id) {
        MatchDetails details = visible(id);
        return RestResponse.ResponseBuilder.ok(MatchView.of(details))
                .header(HttpHeaders.ETAG, ETags.of(details.match().version)).build();
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.CONSEILLER, Roles.ADMIN })
    @Operation(operationId = "listMatches", summary = "List matches", description = "Paged and filtered. A structure sees its own matches, an"
            + " adviser those that concern it.")
    @APIResponse(responseCode = "200", description = "A page of matches", content = @Content(
            schema = @Schema(implementation = MatchPage.class),
            examples = @ExampleObject(name = "matches", value = Examples.MATCH_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    public PageOf<MatchView> list(
            @QueryParam("postId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String post,
            @QueryParam("conseillerId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String conseiller,
            @QueryParam("state") @Parameter(schema = @Schema(implementation = MatchState.class)) String state,
            @Valid @BeanParam PageRequest page) {
        UUID postId = QueryParams.uuid(post, "postId");
        UUID conseillerId = QueryParams.uuid(conseiller, "conseillerId");
        UUID adviser = scope.isAdviser() ? scope.ownConseillerIdOrNone() : conseillerId;
        if (scope.isAdviser() && conseillerId != null && !conseillerId.equals(adviser)) {
            adviser = new UUID(0, 0);
        }
        PageOf<MatchDetails> matches = service.list(new MatchFilter(scope.siretScope(), adviser, postId,
                QueryParams.enumOf(MatchState.class, state, "state")), page);
        return new PageOf<>(matches.items().stream().map(MatchView::of).toList(), matches.page(), matches.size(),
                matches.totalItems());
    }

    @POST
    @Path("/{id}/shortlist")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Shortlist a new match", description = "NEW → SHORTLISTED")
    @APIResponse(responseCode = "200", description = "Shortlisted", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not NEW", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView shortlist(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.shortlist(id, expectedVersion, scope.siretScope(), scope.actor()));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Decline a new match", description = "NEW → DECLINED, with an optional reason ({} for none)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "declined", value = Examples.DECLINE_MATCH)))
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "400", description = "Reason too long", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not NEW", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView decline(@PathParam("id") UUID id, @Valid Decline request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        String reason = request == null ? null : request.reason();
        return MatchView.of(service.decline(id, expectedVersion, scope.siretScope(), scope.actor(), reason));
    }

    @POST
    @Path("/{id}/recruit")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Recruit the adviser with a contract proposal", description = "SHORTLISTED → RECRUITED;"
            + " one recruitment at a time per post, on a VACANT post. endDate is required unless CDI and after"
            + " startDate; the gross monthly salary is at least the SMIC in force at startDate; 35 hours a week.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "CDD", value = Examples.PROPOSE_CONTRACT)))
    @APIResponse(responseCode = "200", description = "Recruited, waiting for an admin's finalization",
            content = @Content(schema = @Schema(implementation = MatchView.class),
                    examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not SHORTLISTED, post not VACANT, another recruitment on the"
            + " post, or adviser not AVAILABLE", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    @APIResponse(responseCode = "422", description = "The proposal breaks a contract rule, named in the problem type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "below SMIC", value = Examples.PROBLEM_SALARY)))
    public MatchView recruit(@PathParam("id") UUID id, @Valid @NotNull ProposeContract request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.recruit(id, expectedVersion, scope.siretScope(), scope.actor(), request.proposal()));
    }

    @POST
    @Path("/{id}/cancel-recruitment")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Cancel a recruitment", description = "RECRUITED → SHORTLISTED; the proposed contract is"
            + " cancelled")
    @APIResponse(responseCode = "200", description = "Back to SHORTLISTED", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not RECRUITED", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView cancelRecruitment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.cancelRecruitment(id, expectedVersion, scope.siretScope(), scope.actor()));
    }

    @POST
    @Path("/{id}/finalize")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Finalize a recruitment (admin)", description = "RECRUITED → FINALIZED: the contract is"
            + " active, the post OCCUPIED, the adviser RECRUITED, and the adviser's other pending matches OBSOLETE."
            + " Emits ContractStarted.")
    @APIResponse(responseCode = "200", description = "Finalized", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not RECRUITED, post already occupied, or adviser already"
            + " under contract", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView finalizeRecruitment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.finalizeRecruitment(id, expectedVersion, scope.actor()));
    }

    @POST
    @Path("/{id}/declare-rupture")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Declare a rupture", description = "FINALIZED → RUPTURE_DECLARED. The date is not in the"
            + " future, not before the contract's start and not after its end.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resignation", value = Examples.DECLARE_RUPTURE)))
    @APIResponse(responseCode = "200", description = "Declared, waiting for an admin's validation",
            content = @Content(schema = @Schema(implementation = MatchView.class),
                    examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such match, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not FINALIZED", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    @APIResponse(responseCode = "422", description = "The date breaks a rupture rule, named in the problem type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "future date", value = Examples.PROBLEM_RUPTURE)))
    public MatchView declareRupture(@PathParam("id") UUID id, @Valid @NotNull DeclareRupture request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.declareRupture(id, expectedVersion, scope.siretScope(), scope.actor(), request.declaration()));
    }

    @POST
    @Path("/{id}/validate-rupture")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Validate a rupture (admin)", description = "RUPTURE_DECLARED → ENDED: the contract ends on"
            + " the rupture date, the post is VACANT and the adviser AVAILABLE again. Emits ContractEnded.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "No rupture declared", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView validateRupture(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.validateRupture(id, expectedVersion, scope.actor()));
    }

    @POST
    @Path("/{id}/cancel-rupture")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Cancel a declared rupture (admin)", description = "RUPTURE_DECLARED → FINALIZED: the"
            + " contract goes on.")
    @APIResponse(responseCode = "200", description = "Back to FINALIZED", content = @Content(
            schema = @Schema(implementation = MatchView.class),
            examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "No such match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "No rupture declared", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE_MATCH)))
    public MatchView cancelRupture(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expectedVersion = expectedVersion(id, ifMatch);
        return MatchView.of(service.cancelRupture(id, expectedVersion, scope.actor()));
    }

    private MatchDetails visible(UUID id) {
        MatchDetails details = service.details(id).orElseThrow(() -> new ResourceNotFoundException("Match", id));
        scope.requireVisible(details);
        return details;
    }

    /**
     * The If-Match version, which the command compares under its lock, after its own object-level check (404 for
     * another structure's match). A caller that is also an adviser is held to its own matches first.
     */
    private Long expectedVersion(UUID id, String ifMatch) {
        if (scope.isAdviser()) {
            visible(id);
        }
        return ETags.expectedVersion(ifMatch);
    }

    @Schema(name = "MatchPage", description = "A page of matches")
    public record MatchPage(List<MatchView> items, int page, int size, long totalItems) {
    }
}
