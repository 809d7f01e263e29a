package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import fr.cnfs.funding.domain.ParkedEvent;
import fr.cnfs.funding.domain.ParkedEvents;
import fr.cnfs.funding.domain.TrancheEvaluationService;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/admin")
@Tag(name = "Administration", description = "Tranche evaluations and parked events")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final TrancheEvaluationService evaluation;
    private final ParkedEvents parked;
    private final Caller caller;

    AdminResource(TrancheEvaluationService evaluation, ParkedEvents parked, Caller caller) {
        this.evaluation = evaluation;
        this.parked = parked;
        this.caller = caller;
    }

    @POST
    @Path("/tranche-evaluations")
    @Operation(operationId = "evaluateTranches", summary = "Evaluate the time-based triggers as of a date", description = "What the daily schedule does: tranches whose "
            + "occupation threshold is reached become due, fully occupied posts complete, vacant posts past their replacement "
            + "window close (recovery or adjustment). Running it again for the same date has no second effect.")
    @APIResponse(responseCode = "200", description = "What this run changed", content = @Content(
            schema = @Schema(implementation = EvaluationRunView.class), examples = @ExampleObject(name = "T2 due", value = Examples.EVALUATION)))
    @APIResponse(responseCode = "400", description = "Invalid date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "422", description = "A date after today", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "future", value = Examples.PROBLEM_AS_OF)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public EvaluationRunView evaluate(@Parameter(description = "YYYY-MM-DD, today (business clock) by default") @QueryParam("asOf") String asOf) {
        LocalDate date = QueryParams.date("asOf", asOf);
        return EvaluationRunView.of(evaluation.evaluate(date == null ? evaluation.today() : date,
                TrancheEvaluationService.BY_ADMIN, caller.subject()));
    }

    @GET
    @Path("/tranche-evaluations")
    @Operation(operationId = "listTrancheEvaluations", summary = "History of the evaluations", description = "Latest first. Sort: startedAt, asOf.")
    @APIResponse(responseCode = "200", description = "A page of evaluation runs", content = @Content(schema = @Schema(implementation = TrancheEvaluationPage.class),
            examples = @ExampleObject(name = "evaluations", value = "{\"items\": [" + Examples.EVALUATION + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public PageOf<EvaluationRunView> evaluations(@Valid @BeanParam PageRequest page) {
        return evaluation.runs(page, EvaluationRunView::of);
    }

    @GET
    @Path("/parked-events")
    @Operation(operationId = "listParkedEvents", summary = "Placement events parked until their prerequisite arrives", description = "Arrival order; filter by status "
            + "(PARKED, APPLIED, REJECTED) and post.")
    @APIResponse(responseCode = "200", description = "A page of parked events", content = @Content(
            schema = @Schema(implementation = ParkedEventPage.class), examples = @ExampleObject(name = "applied", value = "{\"items\": [" + Examples.PARKED_EVENT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public PageOf<ParkedEventView> parkedEvents(@QueryParam("status") String status, @QueryParam("postId") String postId,
            @Valid @BeanParam PageRequest page) {
        return parked.list(QueryParams.enumValue("status", status, ParkedEvent.Status.class),
                QueryParams.uuid("postId", postId), page, ParkedEventView::of);
    }

    @Schema(name = "TrancheEvaluationPage", description = "A page of evaluation runs")
    public record TrancheEvaluationPage(List<EvaluationRunView> items, int page, int size, long totalItems) {
    }

    @Schema(name = "ParkedEventPage", description = "A page of parked events")
    public record ParkedEventPage(List<ParkedEventView> items, int page, int size, long totalItems) {
    }
}
