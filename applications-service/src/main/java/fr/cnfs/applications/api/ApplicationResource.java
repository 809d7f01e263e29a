package fr.cnfs.applications.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.applications.api.ApplicationRequests.Approve;
import fr.cnfs.applications.api.ApplicationRequests.CreateApplication;
import fr.cnfs.applications.domain.ApplicationService;
import fr.cnfs.applications.domain.ApplicationService.NewApplication;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/applications")
@Tag(name = "Applications", description = "Candidatures of structures accueillantes, their review and decision")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ApplicationResource {

    private final ApplicationService service;
    private final Caller caller;

    ApplicationResource(ApplicationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Create an application", description = "A structure applies for posts; the application starts as a DRAFT.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "commune", value = Examples.CREATE_APPLICATION)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(name = "application", value = Examples.APPLICATION)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "422", description = "Unknown commune or invalid SIRET", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "rule", value = Examples.PROBLEM_RULE)))
    public Response create(@Valid @NotNull CreateApplication request) {
        var structure = request.structure();
        if (caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN)
                && !caller.siret().map(structure.siret()::equals).orElse(false)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        var application = service.create(new NewApplication(structure.siret(), structure.name(), structure.type(),
                structure.communeCode(), structure.qpv(), structure.zrr(), request.campaignId(),
                request.postsRequested(), request.contractMonths()));
        return Response.created(URI.create("/applications/" + application.id)).entity(ApplicationView.of(application))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.PREFET, Roles.ADMIN })
    @Operation(summary = "Get an application")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(name = "application", value = Examples.APPLICATION)))
    @APIResponse(responseCode = "404", description = "No such application, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public ApplicationView get(@PathParam("id") UUID id) {
        var application = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Application", id));
        caller.requireOwnSiretIfStructure(application.siret, "Application", id);
        return ApplicationView.of(application);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Submit a draft application for review")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    public ApplicationView submit(@PathParam("id") UUID id) {
        get(id);
        return ApplicationView.of(service.submit(id));
    }

    @POST
    @Path("/{id}/start-review")
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Start the review (instruction) of a submitted application")
    @APIResponse(responseCode = "200", description = "Under review", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not submitted", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    public ApplicationView startReview(@PathParam("id") UUID id) {
        return ApplicationView.of(service.startReview(id));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Approve an application (COSELEC decision)",
            description = "Grants posts, assigns one id per post and emits ApplicationApproved.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approval", value = Examples.APPROVE)))
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "application", value = Examples.APPLICATION)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such application", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not under review", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "422", description = "More posts than requested", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public ApplicationView approve(@PathParam("id") UUID id, @Valid @NotNull Approve request) {
        return ApplicationView.of(service.approve(id, request.postsGranted(), request.decisionNumber()));
    }
}
