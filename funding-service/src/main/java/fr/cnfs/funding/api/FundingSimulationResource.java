package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.funding.domain.FundingSimulationService;
import fr.cnfs.funding.domain.FundingSimulationService.Question;
import fr.cnfs.plumbing.problem.Problem;

@Path("/funding-simulations")
@Tag(name = "Funding simulations", description = "What an application would be granted, before it is made; public")
@Produces(APPLICATION_JSON)
@PermitAll
public class FundingSimulationResource {

    private final FundingSimulationService service;

    FundingSimulationResource(FundingSimulationService service) {
        this.service = service;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @Operation(summary = "Simulate the funding of an application", description = "Computed with the same rules and code as a "
            + "real award; nothing is stored. No token needed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "public, Guadeloupe, 2 posts", value = Examples.SIMULATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The amounts and the tranche plan of each post", content = @Content(
            schema = @Schema(implementation = SimulationView.class), examples = @ExampleObject(name = "Guadeloupe", value = Examples.SIMULATION)))
    @APIResponse(responseCode = "400", description = "Invalid input, unknown commune, territory or phase", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "422", description = "A duration outside the phase's bounds", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "duration", value = Examples.PROBLEM_DURATION)))
    public SimulationView simulate(@Valid @NotNull SimulationRequest request) {
        return SimulationView.of(service.simulate(new Question(request.category(), request.communeCode(),
                request.territoryCode(), request.contractMonths(), request.posts(), request.phase(),
                Boolean.TRUE.equals(request.qpv()), Boolean.TRUE.equals(request.zrr()))));
    }
}
