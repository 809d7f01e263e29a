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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import fr.cnfs.applications.api.CampaignRequests.CreateCampaign;
import fr.cnfs.applications.domain.CampaignService;
import fr.cnfs.applications.domain.CampaignService.NewCampaign;
import fr.cnfs.applications.domain.CampaignStatus;
import fr.cnfs.applications.domain.ContractDurationRules;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;
import io.quarkus.panache.common.Sort;

@Path("/campaigns")
@Tag(name = ApiDocumentation.CAMPAIGNS)
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class CampaignResource {

    private static final Map<String, String> SORTABLE = Map.of("opensOn", "opensOn", "closesOn", "closesOn",
            "name", "name", "createdAt", "createdAt");

    private final CampaignService service;
    private final ContractDurationRules durations;
    private final Caller caller;

    CampaignResource(CampaignService service, ContractDurationRules durations, Caller caller) {
        this.service = service;
        this.durations = durations;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "openCampaign", summary = "Open a campaign (AMI wave)", description = "Reviewers manage campaigns. The funding phase "
            + "must be one applications-service knows the contract bounds of (PHASE_1, PHASE_2).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateCampaign.class),
            examples = @ExampleObject(name = "first wave", value = Examples.CREATE_CAMPAIGN)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "URL of the campaign",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "campaign", value = Examples.CAMPAIGN)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A campaign with this name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = Examples.PROBLEM_DUPLICATE_CAMPAIGN)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = Examples.PROBLEM_KEY_REUSED)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public Response create(@Valid @NotNull CreateCampaign request) {
        UUID createdId = service.create(new NewCampaign(request.name(), request.opensOn(), request.closesOn(),
                        request.postQuota(), request.eligibleCategories(), request.fundingPhase(),
                        request.recruitmentDeadlineMonths())).id;
        var campaign = service.get(createdId);
        return Response.created(URI.create("/campaigns/" + campaign.id)).tag(EntityTags.of(campaign.version))
                .entity(CampaignView.of(campaign, service.today(), durations)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "getCampaign", summary = "Get a campaign", description = "With the quota used and remaining, as of now.")
    @APIResponse(responseCode = "200", description = "The campaign",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "campaign", value = Examples.CAMPAIGN)))
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        var campaign = service.get(id);
        return Response.ok(CampaignView.of(campaign, service.today(), durations)).tag(EntityTags.of(campaign.version))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "listCampaigns", summary = "List campaigns", description = "Paged; filter by status today or funding phase; sort by "
            + "opensOn (default, newest first), closesOn, name or createdAt.")
    @APIResponse(responseCode = "200", description = "A page of campaigns",
            content = @Content(schema = @Schema(implementation = CampaignPage.class),
                    examples = @ExampleObject(name = "page", value = Examples.CAMPAIGN_PAGE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    public PageOf<CampaignView> list(@Valid @BeanParam PageRequest page,
            @QueryParam("status") @Parameter(description = "UPCOMING, OPEN or CLOSED today",
                    schema = @Schema(implementation = CampaignStatus.class)) String status,
            @QueryParam("fundingPhase") @Pattern(regexp = "PHASE_[0-9]{1,2}", message = "must look like PHASE_1")
            String fundingPhase) {
        Sort sort = page.sortOr(SORTABLE, Sort.descending("opensOn").and("id"));
        var today = service.today();
        var query = service.search(QueryValues.enumValue(CampaignStatus.class, "status", status), fundingPhase, sort);
        return PageOf.of(query, page,
                campaign -> CampaignView.of(campaign, today, durations));
    }

    @Schema(name = "CampaignPage")
    public record CampaignPage(List<CampaignView> items, int page, int size, long totalItems) {
    }
}
