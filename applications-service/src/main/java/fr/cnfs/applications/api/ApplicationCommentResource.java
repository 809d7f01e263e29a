package fr.cnfs.applications.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.applications.api.ApplicationRequests.PostComment;
import fr.cnfs.applications.domain.ApplicationComment;
import fr.cnfs.applications.domain.ApplicationQueries;
import fr.cnfs.applications.domain.CommentService;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;
import io.quarkus.panache.common.Sort;

@Path("/applications/{id}/comments")
@Tag(name = ApiDocumentation.COMMENTS)
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class ApplicationCommentResource {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt");

    private final CommentService service;
    private final ApplicationQueries queries;
    private final Caller caller;

    ApplicationCommentResource(CommentService service, ApplicationQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "addComment", summary = "Comment on an application", description = "A MESSAGE is visible to the structure; an "
            + "INTERNAL_NOTE only to State agents (reviewers, prefects, admins). A structure may write messages only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PostComment.class), examples = {
            @ExampleObject(name = "message", value = Examples.POST_MESSAGE),
            @ExampleObject(name = "internal note", value = Examples.POST_INTERNAL_NOTE) }))
    @APIResponse(responseCode = "201", description = "Posted",
            headers = @Header(name = "Location", description = "The application's comments",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = Examples.COMMENT)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = "The role may not comment, or a structure writes an internal note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = Examples.PROBLEM_KEY_REUSED)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public Response post(@PathParam("id") UUID applicationId, @Valid @NotNull PostComment request) {
        String operation = "POST /applications/" + applicationId + "/comments";
        UUID createdId = service.post(applicationId, request.kind(), request.body(), Scopes.actor(caller),
                        Scopes.of(caller)).id;
        ApplicationComment comment = ApplicationComment.findById(createdId);
        return Response.created(URI.create("/applications/" + applicationId + "/comments"))
                .entity(CommentView.of(comment)).build();
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "listComments", summary = "List the comments of an application", description = "Oldest first (sort=createdAt,desc "
            + "for newest first). A structure sees the messages only, never the internal notes.")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(schema = @Schema(implementation = CommentPage.class),
                    examples = @ExampleObject(name = "page", value = Examples.COMMENT_PAGE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    public PageOf<CommentView> list(@PathParam("id") UUID applicationId, @Valid @BeanParam PageRequest page) {
        Sort sort = page.sortOr(SORTABLE, Sort.ascending("createdAt").and("id"));
        return PageOf.of(queries.comments(applicationId, Scopes.of(caller), sort), page, CommentView::of);
    }

    @Schema(name = "CommentPage")
    public record CommentPage(List<CommentView> items, int page, int size, long totalItems) {
    }
}
