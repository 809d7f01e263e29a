package fr.cnfs.applications.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

import fr.cnfs.applications.api.StructureRequests.RegisterStructure;
import fr.cnfs.applications.api.StructureRequests.StructurePatch;
import fr.cnfs.applications.domain.StructureCategory;
import fr.cnfs.applications.domain.StructureService;
import fr.cnfs.applications.domain.StructureService.NewStructure;
import fr.cnfs.applications.domain.StructureService.StructureFilter;
import fr.cnfs.applications.domain.StructureType;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;
import fr.cnfs.territory.TerritoryZone;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

@Path("/structures")
@Tag(name = ApiDocumentation.STRUCTURES)
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class StructureResource {

    private static final Map<String, String> SORTABLE = Map.of("name", "nameSearch", "siret", "siret",
            "createdAt", "createdAt", "departementCode", "departementCode");

    private final StructureService service;
    private final Caller caller;

    StructureResource(StructureService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "registerStructure", summary = "Register a structure accueillante",
            description = "A structure registers its own SIRET (an admin any). The SIRET is checked (14 digits, Luhn, "
                    + "La Poste's exception) and, for a COMMUNE or an EPCI, against the SIREN of the territorial "
                    + "referential. Category comes from the type; département, région and zone from the commune.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RegisterStructure.class), examples = {
            @ExampleObject(name = "commune", value = Examples.REGISTER_COMMUNE),
            @ExampleObject(name = "association", value = Examples.REGISTER_ASSOCIATION) }))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "URL of the structure",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StructureView.class),
                    examples = @ExampleObject(name = "structure", value = Examples.STRUCTURE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = "The role may not register structures, or a structure registers "
            + "another SIRET than its token's", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    @APIResponse(responseCode = "409", description = "This SIRET is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = Examples.PROBLEM_DUPLICATE_SIRET)))
    @APIResponse(responseCode = "422", description = "Unknown commune, SIRET not matching the referential's SIREN, "
            + "overseas collectivity outside overseas, or Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "SIREN mismatch", value = Examples.PROBLEM_SIREN_MISMATCH),
                            @ExampleObject(name = "unknown commune", value = Examples.PROBLEM_UNKNOWN_COMMUNE) }))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public Response register(@Valid @NotNull RegisterStructure request) {
        if (!caller.hasRole(Roles.ADMIN) && !caller.siret().map(request.siret()::equals).orElse(false)) {
            throw new ForbiddenException("a structure registers its own SIRET only");
        }
        UUID createdId = service.register(new NewStructure(request.siret(), request.name(), request.type(),
                        request.communeCode(), request.qpv(), request.zrr(), request.contact().toContact())).id;
        var structure = service.get(createdId, Scopes.of(caller));
        return Response.created(URI.create("/structures/" + structure.id)).tag(EntityTags.of(structure.version))
                .entity(StructureView.of(structure)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "getStructure", summary = "Get a structure", description = "A structure sees its own, a prefect those of its "
            + "département, reviewers all. The ETag is the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The structure", headers = @Header(name = HttpHeaders.ETAG,
            description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StructureView.class),
                    examples = @ExampleObject(name = "structure", value = Examples.STRUCTURE)))
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        var structure = service.get(id, Scopes.of(caller));
        return Response.ok(StructureView.of(structure)).tag(EntityTags.of(structure.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "updateStructureContact", summary = "Change a structure's contact",
            description = "Only the contact can change: SIRET, name, type and commune are the structure's identity. "
                    + "Absent fields are left as they are. Send If-Match with the ETag of your last read.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StructurePatch.class),
            examples = @ExampleObject(name = "new email", value = Examples.PATCH_CONTACT)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = HttpHeaders.ETAG,
            description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = StructureView.class),
                    examples = @ExampleObject(name = "structure", value = Examples.STRUCTURE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.STALE)
    public Response updateContact(@PathParam("id") UUID id, @Valid @NotNull StructurePatch patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the last read, e.g. \"3\"") String ifMatch) {
        if (!patch.otherFields().isEmpty()) {
            throw new InvalidRequestException(patch.otherFields().iterator().next(),
                    "cannot be changed: only the contact of a structure can");
        }
        var structure = service.updateContact(id, patch.contact.toChanges(), EntityTags.expectedVersion(ifMatch),
                Scopes.of(caller));
        return Response.ok(StructureView.of(structure)).tag(EntityTags.of(structure.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "listStructures", summary = "List structures", description = "Paged; sort by name, siret, createdAt or departementCode. "
            + "A structure only ever finds its own; a prefect those of its département.")
    @APIResponse(responseCode = "200", description = "A page of structures",
            content = @Content(schema = @Schema(implementation = StructurePage.class),
                    examples = @ExampleObject(name = "page", value = Examples.STRUCTURE_PAGE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    public PageOf<StructureView> list(@Valid @BeanParam PageRequest page,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = StructureType.class)) String type,
            @QueryParam("category") @Parameter(schema = @Schema(implementation = StructureCategory.class)) String category,
            @QueryParam("departement") @Pattern(regexp = "[0-9][0-9AB][0-9]?", message = "must be a département code")
            @Parameter(description = "Département code, e.g. 69, 2A, 974") String departement,
            @QueryParam("region") @Pattern(regexp = "[0-9]{2,3}", message = "must be a région code")
            @Parameter(description = "Région code, e.g. 84") String region,
            @QueryParam("zone") @Parameter(schema = @Schema(implementation = TerritoryZone.class)) String zone,
            @QueryParam("siret") @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
            @QueryParam("q") @Size(max = 100)
            @Parameter(description = "Text in the name, ignoring case and accents") String text) {
        Sort sort = page.sortOr(SORTABLE, Sort.ascending("nameSearch").and("id"));
        var filter = new StructureFilter(QueryValues.enumValue(StructureType.class, "type", type),
                QueryValues.enumValue(StructureCategory.class, "category", category), departement, region,
                QueryValues.enumValue(TerritoryZone.class, "zone", zone), siret, text);
        var query = service.search(filter, Scopes.of(caller), sort);
        return PageOf.of(query, page, StructureView::of);
    }

    /** The list envelope, for the OpenAPI document. */
    @Schema(name = "StructurePage")
    public record StructurePage(List<StructureView> items, int page, int size, long totalItems) {
    }
}
