package fr.cnfs.plumbing.paging;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.cnfs.plumbing.problem.InvalidRequestException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** {@code ?page=0&size=20&sort=field,desc}, shared by every list operation. */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Page size, at most " + MAX_SIZE)
    public int size;

    @QueryParam("sort")
    @Pattern(regexp = "[A-Za-z]{1,40}(,(asc|desc|ASC|DESC))?", message = "must be field or field,asc or field,desc")
    @Parameter(description = "Sort field and direction, e.g. createdAt,desc")
    public String sort;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public Page panachePage() {
        return Page.of(page, size);
    }

    /**
     * Resolves the {@code sort} parameter against the fields a resource allows (API name to entity property).
     * An unknown field is a 400, not a silent default.
     */
    public Sort sortOr(Map<String, String> allowedFields, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        String[] parts = sort.split(",");
        String property = allowedFields.get(parts[0]);
        if (property == null) {
            throw new InvalidRequestException("sort", "unknown sort field '" + parts[0] + "'; allowed: "
                    + String.join(", ", new java.util.TreeSet<>(allowedFields.keySet())));
        }
        boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        Sort chosen = descending ? Sort.descending(property) : Sort.ascending(property);
        // A unique tie-breaker keeps pages stable.
        for (var column : defaultSort.getColumns()) {
            if (!column.getName().equals(property)) {
                chosen.and(column.getName(), column.getDirection());
            }
        }
        return chosen;
    }
}
