package fr.cnfs.plumbing.inbox;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Roles;

@Path("/admin/dead-letters")
@Tag(name = "Operations", description = "Operator endpoints")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    @Schema(name = "DeadLetter")
    public record DeadLetterView(String eventKey, String eventType, String reason, String sourceTopic,
            int sourcePartition, long sourceOffset, Instant deadLetteredAt) {

        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.eventKey, letter.eventType, letter.reason, letter.sourceTopic,
                    letter.sourcePartition, letter.sourceOffset, letter.processedAt);
        }
    }

    private final DeadLetterService service;

    DeadLetterResource(DeadLetterService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List the events this service dead-lettered", description = "Newest first, with the reason.")
    @APIResponse(responseCode = "200", description = "A page of dead letters", content = @Content(
            schema = @Schema(implementation = DeadLetterPage.class), examples = @ExampleObject(
            name = "dead letters", value = """
                    {"items": [{"eventKey": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", "eventType": "fr.cnfs.contract.started.v1",
                                "reason": "gross monthly salary 1500.00 is below the SMIC in force on 2024-03-01 (1766.92)",
                                "sourceTopic": "cnfs.placements", "sourcePartition": 2, "sourceOffset": 1041,
                                "deadLetteredAt": "2026-11-27T09:05:00Z"}],
                     "page": 0, "size": 20, "totalItems": 1}""")))
    public PageOf<DeadLetterView> list(@QueryParam("eventType") @Size(max = 200) String eventType,
            @Valid @BeanParam PageRequest page) {
        return service.list(eventType, page, DeadLetterView::of);
    }

    @POST
    @Path("/{eventKey}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter once its cause is fixed",
            description = "The record is published again to its original topic and consumed anew by this service.")
    @APIResponse(responseCode = "204", description = "Queued for replay")
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public void replay(@PathParam("eventKey") @Size(max = 300) String eventKey) {
        service.replay(eventKey);
    }

    @Schema(name = "DeadLetterPage", description = "A page of dead letters")
    public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long totalItems) {
    }
}
