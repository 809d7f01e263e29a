package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.funding.domain.BudgetReportService;
import fr.cnfs.funding.domain.BudgetReportService.BudgetReport;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Roles;

@Path("/reports/budget")
@Tag(name = "Reports", description = "The programme's money")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class BudgetReportResource {

    private final BudgetReportService service;

    BudgetReportResource(BudgetReportService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "getBudgetReport", summary = "Budget of a campaign, or of the programme", description = "awarded; committed = planned + due + paid; "
            + "due, paid, cancelled; recovered, recoverySettled, netPaid = paid − recoverySettled.")
    @APIResponse(responseCode = "200", description = "The totals", content = @Content(schema = @Schema(implementation = BudgetReport.class),
            examples = @ExampleObject(name = "one campaign", value = Examples.BUDGET)))
    @APIResponse(responseCode = "400", description = "Invalid campaign id", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public BudgetReport budget(@Parameter(description = "Omit for the whole programme") @QueryParam("campaignId") String campaignId) {
        return service.report(QueryParams.uuid("campaignId", campaignId));
    }
}
