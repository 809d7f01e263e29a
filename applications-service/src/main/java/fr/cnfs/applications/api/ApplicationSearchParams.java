package fr.cnfs.applications.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.cnfs.applications.domain.ApplicationFilter;
import fr.cnfs.applications.domain.ApplicationStatus;
import fr.cnfs.applications.domain.StructureCategory;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.territory.TerritoryZone;

/** The filters shared by the application list and the export. */
public class ApplicationSearchParams {

    @QueryParam("status")
    @Parameter(description = "Repeat, or separate with commas, for several: status=SUBMITTED&status=UNDER_REVIEW",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationStatus.class))
    public List<String> statuses;

    @QueryParam("campaignId")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String campaignId;

    @QueryParam("structureId")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String structureId;

    @QueryParam("siret")
    @Pattern(regexp = "\\d{14}", message = "must be 14 digits")
    public String siret;

    @QueryParam("departement")
    @Pattern(regexp = "[0-9][0-9AB][0-9]?", message = "must be a département code")
    @Parameter(description = "Département code, e.g. 69, 2A, 974")
    public String departement;

    @QueryParam("region")
    @Pattern(regexp = "[0-9]{2,3}", message = "must be a région code")
    @Parameter(description = "Région code, e.g. 84")
    public String region;

    @QueryParam("zone")
    @Parameter(schema = @Schema(implementation = TerritoryZone.class))
    public String zone;

    @QueryParam("category")
    @Parameter(schema = @Schema(implementation = StructureCategory.class))
    public String category;

    @QueryParam("submittedFrom")
    @Parameter(description = "First day of submission, included (French calendar)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String submittedFrom;

    @QueryParam("submittedTo")
    @Parameter(description = "Last day of submission, included (French calendar)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String submittedTo;

    ApplicationFilter toFilter() {
        LocalDate from = QueryValues.date("submittedFrom", submittedFrom);
        LocalDate to = QueryValues.date("submittedTo", submittedTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("submittedTo", "must be on or after submittedFrom");
        }
        return new ApplicationFilter(QueryValues.enumValues(ApplicationStatus.class, "status", statuses),
                QueryValues.uuid("campaignId", campaignId), QueryValues.uuid("structureId", structureId), siret,
                departement, region, QueryValues.enumValue(TerritoryZone.class, "zone", zone),
                QueryValues.enumValue(StructureCategory.class, "category", category), from, to);
    }
}
