package fr.cnfs.placement.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.placement.domain.PostService;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/posts")
@Tag(name = "Posts", description = "Funded positions (postes) opened by selection decisions")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class PostResource {

    private final PostService service;
    private final Caller caller;

    PostResource(PostService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "List posts", description = "Paged; a structure sees only its own posts.")
    @APIResponse(responseCode = "200", description = "A page of posts")
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PageOf<PostView> list(@QueryParam("applicationId") UUID applicationId, @Valid @BeanParam PageRequest page) {
        String siret = caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN)
                ? caller.siret().orElse("-") : null;
        return service.list(applicationId, siret, page, PostView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Get a post")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PostView get(@PathParam("id") UUID id) {
        var post = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Post", id));
        caller.requireOwnSiretIfStructure(post.siret, "Post", id);
        return PostView.of(post);
    }
}
