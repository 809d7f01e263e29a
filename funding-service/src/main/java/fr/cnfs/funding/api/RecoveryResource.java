package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.List;
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
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import fr.cnfs.funding.domain.Recovery;
import fr.cnfs.funding.domain.RecoveryService;
import fr.cnfs.funding.domain.RecoveryService.Receipt;
import fr.cnfs.funding.domain.RecoveryService.RecoveryFilter;
import fr.cnfs.funding.domain.RecoveryStatus;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/recoveries")
@Tag(name = "Recoveries", description = "Ordres de reversement: money structures pay back when a post funding closes early")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class RecoveryResource {

    private final RecoveryService service;
    private final Caller caller;

    RecoveryResource(RecoveryService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "listRecoveries", summary = "List recoveries", description = "A structure sees only its own. Sort: issuedOn, amount.")
    @APIResponse(responseCode = "200", description = "A page of recoveries", content = @Content(schema = @Schema(implementation = RecoveryPage.class),
            examples = @ExampleObject(name = "recoveries", value = "{\"items\": [" + Examples.RECOVERY + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public PageOf<RecoveryView> list(
            @Parameter(description = "ISSUED, PARTIALLY_SETTLED or SETTLED") @QueryParam("status") String status,
            @QueryParam("siret") String siret,
            @QueryParam("grantId") String grantId,
            @QueryParam("campaignId") String campaignId,
            @Valid @BeanParam PageRequest page) {
        String wanted = QueryParams.text(siret);
        if (caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN)) {
            String own = caller.siret().orElse("-");
            wanted = wanted == null || wanted.equals(own) ? own : "-";
        }
        return service.list(new RecoveryFilter(QueryParams.enumValue("status", status, RecoveryStatus.class), wanted,
                QueryParams.uuid("grantId", grantId), QueryParams.uuid("campaignId", campaignId)), page, RecoveryView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "getRecovery", summary = "Get a recovery", description = "With the money received so far; the ETag is the version.")
    @APIResponse(responseCode = "200", description = "The recovery", content = @Content(schema = @Schema(implementation = RecoveryView.class),
            examples = @ExampleObject(name = "Lyon recovery", value = Examples.RECOVERY)))
    @APIResponse(responseCode = "404", description = "No such recovery, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public RestResponse<RecoveryView> get(@PathParam("id") UUID id) {
        Recovery recovery = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Recovery", id));
        caller.requireOwnSiretIfStructure(recovery.siret, "Recovery", id);
        return EntityTags.withTag(RecoveryView.of(recovery), recovery.version);
    }

    @POST
    @Path("/{id}/settlement")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "settleRecovery", summary = "Record money received back", description = "In one or several receipts, idempotent by reference; "
            + "emits RecoverySettled. Honours If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "full settlement", value = Examples.SETTLEMENT)))
    @APIResponse(responseCode = "200", description = "The recovery", content = @Content(schema = @Schema(implementation = RecoveryView.class),
            examples = @ExampleObject(name = "Lyon recovery", value = Examples.RECOVERY)))
    @APIResponse(responseCode = "400", description = "Invalid receipt", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such recovery", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already settled, or reference used for another receipt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    @APIResponse(responseCode = "422", description = "More than what is outstanding, or a date in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too much", value = Examples.PROBLEM_PAYMENT_AMOUNT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not the paying agency", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public RestResponse<RecoveryView> settle(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SettlementRequest request) {
        Recovery recovery = service.settle(id, new Receipt(request.receivedOn(), request.amount(), request.reference()),
                EntityTags.expectedVersion(ifMatch), caller.subject());
        return EntityTags.withTag(RecoveryView.of(recovery), recovery.version);
    }

    @Schema(name = "RecoveryPage", description = "A page of recoveries")
    public record RecoveryPage(List<RecoveryView> items, int page, int size, long totalItems) {
    }
}
