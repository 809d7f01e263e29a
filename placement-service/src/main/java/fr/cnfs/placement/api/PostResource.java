package fr.cnfs.placement.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import fr.cnfs.placement.domain.CandidateSearch;
import fr.cnfs.placement.domain.Post;
import fr.cnfs.placement.domain.PostFilter;
import fr.cnfs.placement.domain.PostService;
import fr.cnfs.placement.domain.PostState;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Roles;
import fr.cnfs.territory.TerritoryZone;

@Path("/posts")
@Tag(name = "Posts", description = "Funded positions (postes) opened by selection decisions")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PostResource {

    private final PostService service;
    private final CandidateSearch candidates;
    private final CallerScope scope;

    PostResource(PostService service, CandidateSearch candidates, CallerScope scope) {
        this.service = service;
        this.candidates = candidates;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "listPosts", summary = "List posts", description = "Paged and filtered; a structure sees only its own posts.")
    @APIResponse(responseCode = "200", description = "A page of posts", content = @Content(
            schema = @Schema(implementation = PostPage.class),
            examples = @ExampleObject(name = "posts", value = Examples.POST_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    public PageOf<PostView> list(
            @QueryParam("applicationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String applicationId,
            @QueryParam("siret") @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
            @QueryParam("state") @Parameter(schema = @Schema(implementation = PostState.class)) String state,
            @QueryParam("departement") @Parameter(description = "Département code, e.g. 69 or 971")
            @Pattern(regexp = "[0-9][0-9AB][0-9]?", message = "must be a département code") String departement,
            @QueryParam("region") @Parameter(description = "Région code, e.g. 84")
            @Pattern(regexp = "[0-9]{2,3}", message = "must be a région code") String region,
            @QueryParam("zone") @Parameter(schema = @Schema(implementation = TerritoryZone.class)) String zone,
            @QueryParam("overdue") @Parameter(description = "true: VACANT past the recruitment deadline",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @Valid @BeanParam PageRequest page) {
        String ownSiret = scope.siretScope();
        if (ownSiret != null && siret != null && !siret.equals(ownSiret)) {
            throw new InvalidRequestException("siret", "a structure lists its own posts only");
        }
        TerritoryZone territoryZone = QueryParams.enumOf(TerritoryZone.class, zone, "zone");
        var filter = new PostFilter(QueryParams.uuid(applicationId, "applicationId"),
                ownSiret != null ? ownSiret : siret, QueryParams.enumOf(PostState.class, state, "state"), departement,
                region, territoryZone == null ? null : territoryZone.name(), QueryParams.bool(overdue, "overdue"));
        var today = service.today();
        return service.list(filter, page, post -> PostView.of(post, today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "getPost", summary = "Get a post with its contract history", description = "The post,"
            + " its state, recruitment deadline and every contract signed on it, newest last. A structure sees only its"
            + " own posts.")
    @APIResponse(responseCode = "200", description = "The post; its version is the ETag",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PostView.class),
                    examples = @ExampleObject(name = "post", value = Examples.POST)))
    @APIResponse(responseCode = "404", description = "No such post, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public RestResponse<PostView> get(@PathParam("id") UUID id) {
        Post post = visible(id);
        return RestResponse.ResponseBuilder.ok(PostView.of(post, service.today(), service.contractsOf(id)))
                .header(HttpHeaders.ETAG, ETags.of(post.version)).build();
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Return a vacant post", description = "VACANT → RETURNED, final: the post will not be"
            + " refilled. Its pending matches become OBSOLETE. Emits PostReturned.")
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(
            schema = @Schema(implementation = PostView.class),
            examples = @ExampleObject(name = "returned", value = Examples.RETURNED_POST)))
    @APIResponse(responseCode = "404", description = "No such post, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not VACANT, or a recruitment is waiting for finalization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public PostView returnPost(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Post post = visible(id);
        Long expected = ETags.expectedVersion(ifMatch);
        if (expected != null && expected != post.version) {
            throw new PreconditionFailedException("the post is at version " + post.version + ", not " + expected);
        }
        return PostView.of(service.returnPost(id, scope.actor()), service.today());
    }

    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "listCandidates", summary = "Ranked candidates for a post", description = "AVAILABLE advisers available by the post's"
            + " recruitment deadline whose mobility reaches the post, best first: same commune, same EPCI, same"
            + " département, same région, then national (NATIONAL mobility only; overseas territories match only"
            + " inside their own territory). Within a rank: CERTIFIED training first, then the earliest available.")
    @APIResponse(responseCode = "200", description = "A page of candidates", content = @Content(
            schema = @Schema(implementation = CandidatePage.class), examples = @ExampleObject(name = "candidates", value = Examples.CANDIDATES)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such post, or not yours", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public PageOf<CandidateView> candidates(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        if (page.sort != null) {
            throw new InvalidRequestException("sort", "candidates come in rank order");
        }
        return candidates.search(visible(id), page, CandidateView::of);
    }

    private Post visible(UUID id) {
        Post post = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Post", id));
        scope.requireVisible(post);
        return post;
    }

    @Schema(name = "PostPage", description = "A page of posts")
    public record PostPage(List<PostView> items, int page, int size, long totalItems) {
    }

    @Schema(name = "CandidatePage", description = "A page of ranked candidates")
    public record CandidatePage(List<CandidateView> items, int page, int size, long totalItems) {
    }
}
