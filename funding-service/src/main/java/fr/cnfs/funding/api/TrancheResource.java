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

import fr.cnfs.funding.domain.Tranche;
import fr.cnfs.funding.domain.TrancheService;
import fr.cnfs.funding.domain.TrancheService.Payment;
import fr.cnfs.funding.domain.TrancheService.TrancheFilter;
import fr.cnfs.funding.domain.TrancheStatus;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/tranches")
@Tag(name = "Tranches", description = "The instalments of each post's subsidy, and their payment by the paying agency")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TrancheResource {

    private final TrancheService service;
    private final Caller caller;

    TrancheResource(TrancheService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "listTranches", summary = "List tranches", description = "E.g. ?status=DUE&dueBefore=2022-09-30 for what is to pay; a structure sees only its own. Sort: dueDate, amount, rank, createdAt.")
    @APIResponse(responseCode = "200", description = "A page of tranches", content = @Content(schema = @Schema(implementation = TranchePage.class),
            examples = @ExampleObject(name = "tranches", value = "{\"items\": [" + Examples.TRANCHE + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public PageOf<TrancheView> list(
            @Parameter(description = "PLANNED, DUE, PAID or CANCELLED") @QueryParam("status") String status,
            @QueryParam("siret") String siret,
            @Parameter(description = "Due on or before this date") @QueryParam("dueBefore") String dueBefore,
            @QueryParam("grantId") String grantId,
            @QueryParam("postId") String postId,
            @QueryParam("applicationId") String applicationId,
            @QueryParam("campaignId") String campaignId,
            @Valid @BeanParam PageRequest page) {
        String wanted = QueryParams.text(siret);
        if (caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN)) {
            String own = caller.siret().orElse("-");
            wanted = wanted == null || wanted.equals(own) ? own : "-";
        }
        return service.list(new TrancheFilter(QueryParams.enumValue("status", status, TrancheStatus.class), wanted,
                QueryParams.uuid("grantId", grantId), QueryParams.uuid("postId", postId),
                QueryParams.uuid("applicationId", applicationId), QueryParams.uuid("campaignId", campaignId),
                QueryParams.date("dueBefore", dueBefore)), page, TrancheView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "getTranche", summary = "Get a tranche", description = "The ETag is the version, for If-Match on the payment.")
    @APIResponse(responseCode = "200", description = "The tranche", content = @Content(schema = @Schema(implementation = TrancheView.class),
            examples = @ExampleObject(name = "paid T1", value = Examples.TRANCHE)))
    @APIResponse(responseCode = "404", description = "No such tranche, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public RestResponse<TrancheView> get(@PathParam("id") UUID id) {
        Tranche tranche = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Tranche", id));
        caller.requireOwnSiretIfStructure(tranche.siret, "Tranche", id);
        return EntityTags.withTag(TrancheView.of(tranche), tranche.version);
    }

    @POST
    @Path("/{id}/payment")
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "payTranche", summary = "Record the payment of a due tranche", description = "Idempotent by paymentReference: the same reference again "
            + "returns the tranche with no second effect. Emits TranchePaid. Honours If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payment of T1", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "200", description = "The paid tranche", content = @Content(schema = @Schema(implementation = TrancheView.class),
            examples = @ExampleObject(name = "paid T1", value = Examples.TRANCHE)))
    @APIResponse(responseCode = "400", description = "Invalid payment", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such tranche", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Cancelled, not due yet, already paid under another reference, or reference used elsewhere",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cancelled", value = Examples.PROBLEM_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    @APIResponse(responseCode = "422", description = "Amount other than the tranche's, or a payment date in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong amount", value = Examples.PROBLEM_PAYMENT_AMOUNT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not the paying agency", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public RestResponse<TrancheView> pay(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PaymentRequest request) {
        Tranche tranche = service.pay(id, new Payment(request.paidOn(), request.amount(), request.paymentReference()),
                EntityTags.expectedVersion(ifMatch));
        return EntityTags.withTag(TrancheView.of(tranche), tranche.version);
    }

    @Schema(name = "TranchePage", description = "A page of tranches")
    public record TranchePage(List<TrancheView> items, int page, int size, long totalItems) {
    }
}
