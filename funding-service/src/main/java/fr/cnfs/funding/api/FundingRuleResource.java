package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.funding.domain.FundingRuleCatalog;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;

@Path("/funding-rules")
@Tag(name = "Funding rules", description = "The versioned rule sets that compute every amount; public, read-only")
@Produces(APPLICATION_JSON)
@PermitAll
public class FundingRuleResource {

    private final FundingRuleCatalog rules;
    private final Clock clock;

    FundingRuleResource(FundingRuleCatalog rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listFundingRuleSets", summary = "List the funding rule sets", description = "Oldest first; no token needed.")
    @APIResponse(responseCode = "200", description = "Every rule set, as configured", content = @Content(
            schema = @Schema(implementation = FundingRuleSetView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "rule sets", value = "[" + Examples.RULE_SET + "]")))
    public List<FundingRuleSetView> list() {
        LocalDate today = LocalDate.now(clock);
        return rules.all().stream().map(set -> FundingRuleSetView.of(set, today)).toList();
    }

    @GET
    @Path("/{phase}")
    @Operation(operationId = "getFundingRuleSet", summary = "Get one funding rule set", description = "E.g. PHASE_1 (AMI 2021) or PHASE_2 (renewal 2023); no token needed.")
    @APIResponse(responseCode = "200", description = "The rule set", content = @Content(
            schema = @Schema(implementation = FundingRuleSetView.class), examples = @ExampleObject(name = "phase 1", value = Examples.RULE_SET)))
    @APIResponse(responseCode = "404", description = "No such phase", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public FundingRuleSetView get(@PathParam("phase") String phase) {
        return rules.phase(phase).map(set -> FundingRuleSetView.of(set, LocalDate.now(clock)))
                .orElseThrow(() -> new ResourceNotFoundException("Funding rule set", phase));
    }
}
