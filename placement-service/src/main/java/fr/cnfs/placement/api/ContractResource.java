package fr.cnfs.placement.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.placement.domain.NaturalEndJob;
import fr.cnfs.placement.domain.PostService;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Roles;

@Path("/contracts")
@Tag(name = "Contracts", description = "Operations on employment contracts as a whole")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ContractResource {

    private final NaturalEndJob naturalEnds;
    private final PostService posts;
    private final CallerScope scope;

    ContractResource(NaturalEndJob naturalEnds, PostService posts, CallerScope scope) {
        this.naturalEnds = naturalEnds;
        this.posts = posts;
        this.scope = scope;
    }

    @Schema(name = "NaturalEndRun")
    public record NaturalEndRun(LocalDate asOf, List<UUID> endedContractIds) {
    }

    @POST
    @Path("/natural-ends")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runNaturalEnds", summary = "Run the natural-end job now (admin)", description = "What the daily job does: every active"
            + " contract whose end date is before asOf ends (FINALIZED → ENDED, reason NATURAL_END, ContractEnded)."
            + " asOf defaults to today and may not be after it.")
    @APIResponse(responseCode = "200", description = "The contracts ended by this run", content = @Content(
            schema = @Schema(implementation = NaturalEndRun.class),
            examples = @ExampleObject(name = "run", value = Examples.NATURAL_END_RUN)))
    @APIResponse(responseCode = "400", description = "asOf is not a date", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "asOf is in the future", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "future", value = Examples.PROBLEM_AS_OF)))
    public NaturalEndRun run(@QueryParam("asOf") @Parameter(description = "Defaults to today",
            schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        LocalDate requested = QueryParams.date(asOf, "asOf");
        LocalDate date = requested == null ? posts.today() : requested;
        return new NaturalEndRun(date, naturalEnds.run(date, scope.actor()));
    }
}
