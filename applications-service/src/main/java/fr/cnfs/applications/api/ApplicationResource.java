package fr.cnfs.applications.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

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

import fr.cnfs.applications.api.ApplicationRequests.ApplicationPatch;
import fr.cnfs.applications.api.ApplicationRequests.Approve;
import fr.cnfs.applications.api.ApplicationRequests.CommandComment;
import fr.cnfs.applications.api.ApplicationRequests.CreateApplication;
import fr.cnfs.applications.api.ApplicationRequests.GivePrefectOpinion;
import fr.cnfs.applications.api.ApplicationRequests.Reject;
import fr.cnfs.applications.api.ApplicationRequests.RequestChanges;
import fr.cnfs.applications.domain.AccessScope;
import fr.cnfs.applications.domain.Application;
import fr.cnfs.applications.domain.ApplicationQueries;
import fr.cnfs.applications.domain.ApplicationService;
import fr.cnfs.applications.domain.ApplicationService.Approval;
import fr.cnfs.applications.domain.ApplicationService.NewApplication;
import fr.cnfs.applications.domain.ProgrammeCalendar;
import fr.cnfs.plumbing.idempotency.Idempotent;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;
import io.quarkus.panache.common.Sort;

@Path("/applications")
@Tag(name = ApiDocumentation.APPLICATIONS)
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class ApplicationResource {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "submittedAt", "submittedAt",
            "decidedAt", "decidedAt", "updatedAt", "updatedAt", "postsRequested", "postsRequested", "postsGranted",
            "postsGranted", "status", "status", "siret", "siret", "departementCode", "departementCode");

    private final ApplicationService service;
    private final ApplicationQueries queries;
    private final ProgrammeCalendar calendar;
    private final Caller caller;

    ApplicationResource(ApplicationService service, ApplicationQueries queries, ProgrammeCalendar calendar, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.calendar = calendar;
        this.caller = caller;
    }

    @POST
    @Consumes(APPLICATION_JSON)
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "createApplication", summary = "Create an application", description = "A registered structure applies to a campaign that "
            + "has not closed, if its category is eligible, for a contract duration within the phase's bounds. It "
            + "starts as a DRAFT. One application in progress per structure and campaign.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateApplication.class),
            examples = @ExampleObject(name = "commune", value = Examples.CREATE_APPLICATION)))
    @APIResponse(responseCode = "201", description = "Created, in DRAFT",
            headers = @Header(name = "Location", description = "URL of the application",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(name = "draft", value = Examples.APPLICATION_DRAFT)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The structure already has an application in progress in this "
            + "campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = Examples.PROBLEM_DUPLICATE_APPLICATION)))
    @APIResponse(responseCode = "422", description = "Unknown structure (or not yours) or campaign, campaign closed, "
            + "category not eligible, contract duration out of bounds, Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "contract months", value = Examples.PROBLEM_CONTRACT_MONTHS),
                            @ExampleObject(name = "campaign closed", value = Examples.PROBLEM_CAMPAIGN_CLOSED) }))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public Response create(@Valid @NotNull CreateApplication request) {
        AccessScope scope = Scopes.of(caller);
        // Answered from the committed entity: a draft has no funding yet, and reading it back cost two round trips.
        Application application = service.create(new NewApplication(request.structureId(), request.campaignId(),
                        request.postsRequested(), request.contractMonths(), request.desiredStartDate(),
                        request.motivation(), request.franceServicesLabel()), Scopes.actor(caller), scope);
        return Response.created(URI.create("/applications/" + application.id)).tag(EntityTags.of(application.version))
                .entity(ApplicationView.of(application, null, scope)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "getApplication", summary = "Get an application", description = "A structure sees its own (without the prefect's "
            + "opinion), a prefect those of its département, reviewers all. Approved applications show the grant and "
            + "the amount paid so far.")
    @APIResponse(responseCode = "200", description = "The application",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(name = "approved", value = Examples.APPLICATION_APPROVED)))
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    public Response get(@PathParam("id") UUID id) {
        AccessScope scope = Scopes.of(caller);
        return single(queries.get(id, scope), scope);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(operationId = "updateApplication", summary = "Update an application", description = "While it is a DRAFT, or CHANGES_REQUESTED. Absent "
            + "fields are left as they are; structure and campaign cannot change. Send If-Match with the ETag of your "
            + "last read.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationPatch.class),
            examples = @ExampleObject(name = "fewer posts", value = Examples.PATCH_APPLICATION)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = HttpHeaders.ETAG,
            description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(name = "draft", value = Examples.APPLICATION_DRAFT)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    @APIResponse(ref = ApiDocumentation.STALE)
    @APIResponse(responseCode = "422", description = "Contract duration out of the phase's bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "contract months", value = Examples.PROBLEM_CONTRACT_MONTHS)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ApplicationPatch patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the last read, e.g. \"3\"") String ifMatch) {
        if (!patch.otherFields().isEmpty()) {
            throw new InvalidRequestException(patch.otherFields().iterator().next(), "cannot be changed by an update");
        }
        AccessScope scope = Scopes.of(caller);
        return single(service.update(id, patch.toChanges(), EntityTags.expectedVersion(ifMatch), Scopes.actor(caller),
                scope), scope);
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "listApplications", summary = "Search applications", description = "Paged; sort by createdAt (default, newest first), "
            + "submittedAt, decidedAt, updatedAt, postsRequested, postsGranted, status, siret or departementCode. A "
            + "structure only finds its own, a prefect those of its département.")
    @APIResponse(responseCode = "200", description = "A page of applications",
            content = @Content(schema = @Schema(implementation = ApplicationPage.class),
                    examples = @ExampleObject(name = "page", value = Examples.APPLICATION_PAGE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    public PageOf<ApplicationView> list(@Valid @BeanParam PageRequest page, @Valid @BeanParam ApplicationSearchParams search) {
        AccessScope scope = Scopes.of(caller);
        Sort sort = page.sortOr(SORTABLE, Sort.descending("createdAt").and("id"));
        var filter = search.toFilter();
        List<Application> items = queries.page(filter, scope, sort, page.page, page.size);
        var funding = queries.fundingOf(items);
        long total = items.size() < page.size && page.page == 0 ? items.size() : queries.count(filter, scope);
        return new PageOf<>(items.stream().map(item -> ApplicationView.of(item, funding.get(item.id), scope)).toList(),
                page.page, page.size, total);
    }

    @GET
    @Path("/export")
    @Produces(ApplicationCsv.MEDIA_TYPE)
    @RolesAllowed({ Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "exportApplications", summary = "Export applications as CSV", description = "The same filters as the search, every matching "
            + "row, oldest first. Streamed from a database cursor as it is read, whatever the number of rows. Opens as "
            + "is in a French spreadsheet: UTF-8 with BOM, ';' separator, decimal comma. A prefect exports its "
            + "département.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=applications-<date>.csv",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApplicationCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = Examples.CSV)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    public Response export(@Valid @BeanParam ApplicationSearchParams search) {
        var filter = search.toFilter();
        AccessScope scope = Scopes.of(caller);
        StreamingOutput body = output -> {
            ApplicationCsv csv = new ApplicationCsv(output, calendar.zone());
            csv.header();
            queries.export(filter, scope, csv::row);
            csv.flush();
        };
        return Response.ok(body, ApplicationCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"applications-" + calendar.today() + ".csv\"")
                .build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.STRUCTURE, Roles.PREFET, Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(operationId = "getApplicationHistory", summary = "Audit history of an application", description = "Every command, oldest first (sort=at,desc "
            + "for newest first), with its "
            + "actor (subject and role), time, statuses before and after, and comment. Append-only. A structure does "
            + "not see the prefect's opinions.")
    @APIResponse(responseCode = "200", description = "A page of the history",
            content = @Content(schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "history", value = Examples.HISTORY_PAGE)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    public PageOf<HistoryEntryView> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Sort sort = page.sortOr(Map.of("at", "seq"), Sort.ascending("seq"));
        return PageOf.of(queries.history(id, Scopes.of(caller), sort), page, HistoryEntryView::of);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Submit a draft", description = "DRAFT to SUBMITTED, while the campaign is open; emits "
            + "ApplicationSubmitted.")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "submitted", value = Examples.APPLICATION_SUBMITTED)))
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    @APIResponse(responseCode = "422", description = "The campaign is not open, or the application is incomplete",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "campaign not open", value = Examples.PROBLEM_CAMPAIGN_NOT_OPEN)))
    public Response submit(@PathParam("id") UUID id) {
        AccessScope scope = Scopes.of(caller);
        return single(service.submit(id, Scopes.actor(caller), scope), scope);
    }

    @POST
    @Path("/{id}/resubmit")
    @Consumes({ APPLICATION_JSON, MediaType.WILDCARD })
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Resubmit after changes", description = "CHANGES_REQUESTED back to UNDER_REVIEW. The body "
            + "is optional.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = CommandComment.class),
            examples = @ExampleObject(name = "comment", value = Examples.RESUBMIT)))
    @APIResponse(responseCode = "200", description = "Under review again", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "under review", value = Examples.APPLICATION_UNDER_REVIEW)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response resubmit(@PathParam("id") UUID id, @Valid CommandComment body) {
        AccessScope scope = Scopes.of(caller);
        return single(service.resubmit(id, body == null ? null : body.comment(), Scopes.actor(caller), scope), scope);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes({ APPLICATION_JSON, MediaType.WILDCARD })
    @RolesAllowed({ Roles.STRUCTURE, Roles.ADMIN })
    @Operation(summary = "Withdraw an application", description = "From DRAFT, SUBMITTED, UNDER_REVIEW or "
            + "CHANGES_REQUESTED to WITHDRAWN; emits ApplicationWithdrawn. The body is optional.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = CommandComment.class),
            examples = @ExampleObject(name = "comment", value = Examples.WITHDRAW)))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "withdrawn", value = Examples.APPLICATION_WITHDRAWN)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response withdraw(@PathParam("id") UUID id, @Valid CommandComment body) {
        AccessScope scope = Scopes.of(caller);
        return single(service.withdraw(id, body == null ? null : body.comment(), Scopes.actor(caller), scope), scope);
    }

    @POST
    @Path("/{id}/start-review")
    @Tag(name = ApiDocumentation.REVIEW)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Start the review (instruction)", description = "SUBMITTED to UNDER_REVIEW.")
    @APIResponse(responseCode = "200", description = "Under review", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "under review", value = Examples.APPLICATION_UNDER_REVIEW)))
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response startReview(@PathParam("id") UUID id) {
        return single(service.startReview(id, Scopes.actor(caller)), Scopes.of(caller));
    }

    @POST
    @Path("/{id}/request-changes")
    @Consumes(APPLICATION_JSON)
    @Tag(name = ApiDocumentation.REVIEW)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Ask the structure for changes", description = "UNDER_REVIEW to CHANGES_REQUESTED. The "
            + "message is in the history, which the structure reads.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RequestChanges.class),
            examples = @ExampleObject(name = "message", value = Examples.REQUEST_CHANGES)))
    @APIResponse(responseCode = "200", description = "Changes requested", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "changes requested", value = Examples.APPLICATION_CHANGES_REQUESTED)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response requestChanges(@PathParam("id") UUID id, @Valid @NotNull RequestChanges request) {
        return single(service.requestChanges(id, request.message(), Scopes.actor(caller)), Scopes.of(caller));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(APPLICATION_JSON)
    @Tag(name = ApiDocumentation.REVIEW)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Approve (COSELEC decision)", description = "UNDER_REVIEW to APPROVED: grants at most the "
            + "posts requested, within the campaign's remaining quota, even under concurrent approvals; assigns one id "
            + "per post and emits ApplicationApproved.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Approve.class),
            examples = @ExampleObject(name = "approval", value = Examples.APPROVE)))
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "approved", value = Examples.APPLICATION_APPROVED)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    @APIResponse(responseCode = "422", description = "The quota would be exceeded, or more posts than requested; "
            + "nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "quota exceeded", value = Examples.PROBLEM_QUOTA)))
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull Approve request) {
        return single(service.approve(id, new Approval(request.postsGranted(), request.decisionNumber(),
                request.priority(), request.comment()), Scopes.actor(caller)), Scopes.of(caller));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(APPLICATION_JSON)
    @Tag(name = ApiDocumentation.REVIEW)
    @RolesAllowed({ Roles.INSTRUCTEUR, Roles.ADMIN })
    @Operation(summary = "Reject (COSELEC decision)", description = "UNDER_REVIEW to REJECTED, for a reason of the "
            + "fixed list; emits ApplicationRejected.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reject.class),
            examples = @ExampleObject(name = "rejection", value = Examples.REJECT)))
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "rejected", value = Examples.APPLICATION_REJECTED)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull Reject request) {
        return single(service.reject(id, request.reason(), request.comment(), Scopes.actor(caller)), Scopes.of(caller));
    }

    @POST
    @Path("/{id}/prefect-opinion")
    @Consumes(APPLICATION_JSON)
    @Tag(name = ApiDocumentation.REVIEW)
    @RolesAllowed(Roles.PREFET)
    @Operation(summary = "Give the prefect's opinion", description = "While SUBMITTED or UNDER_REVIEW; a new opinion "
            + "replaces the previous one, both stay in the history. Only a prefect of the application's département "
            + "(the token's departement claim): any other application is not found.")
    @RequestBody(content = @Content(schema = @Schema(implementation = GivePrefectOpinion.class),
            examples = @ExampleObject(name = "favorable", value = Examples.PREFECT_OPINION)))
    @APIResponse(responseCode = "200", description = "Opinion recorded", content = @Content(schema = @Schema(implementation = ApplicationView.class),
            examples = @ExampleObject(name = "under review", value = Examples.APPLICATION_UNDER_REVIEW)))
    @APIResponse(ref = ApiDocumentation.INVALID)
    @APIResponse(ref = ApiDocumentation.UNAUTHENTICATED)
    @APIResponse(ref = ApiDocumentation.FORBIDDEN)
    @APIResponse(ref = ApiDocumentation.NOT_FOUND)
    @APIResponse(ref = ApiDocumentation.ILLEGAL_TRANSITION)
    public Response givePrefectOpinion(@PathParam("id") UUID id, @Valid @NotNull GivePrefectOpinion request) {
        AccessScope scope = Scopes.of(caller);
        return single(service.givePrefectOpinion(id, request.opinion(), request.comment(), Scopes.actor(caller), scope),
                scope);
    }

    private Response single(Application application, AccessScope scope) {
        return Response.ok(view(application, scope)).tag(EntityTags.of(application.version)).build();
    }

    private ApplicationView view(Application application, AccessScope scope) {
        return ApplicationView.of(application, queries.fundingOf(List.of(application)).get(application.id), scope);
    }

    @Schema(name = "ApplicationPage")
    public record ApplicationPage(List<ApplicationView> items, int page, int size, long totalItems) {
    }

    @Schema(name = "HistoryPage")
    public record HistoryPage(List<HistoryEntryView> items, int page, int size, long totalItems) {
    }
}
