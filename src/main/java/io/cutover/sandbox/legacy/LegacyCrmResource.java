package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy CRM's REST API, as such systems page their data: accounts by offset and limit with the total in the body,
 * contacts by page number with a link to the next page in the body and in a {@code Link} header. Both take
 * {@code updated_since} (ISO-8601): only records updated at or after it.
 */
@Path("/legacy-crm/api")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyCrmResource {

    /** The most records one page holds, whatever the client asks for. */
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    LegacyCrmData data;

    @GET
    @Path("accounts")
    public Response accounts(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("updated_since") String updatedSince) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return badRequest("offset must be 0 or more, limit 1 to " + MAX_PAGE_SIZE);
        }
        List<Map<String, Object>> matching;
        try {
            matching = updatedSince(LegacyCrmCollection.ACCOUNTS, updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", matching.size());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("records", slice(matching, offset, limit));
        return Response.ok(body).build();
    }

    @GET
    @Path("contacts")
    public Response contacts(@QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("50") int perPage, @QueryParam("updated_since") String updatedSince,
            @Context UriInfo uri) {
        if (page < 1 || perPage < 1 || perPage > MAX_PAGE_SIZE) {
            return badRequest("page must be 1 or more, per_page 1 to " + MAX_PAGE_SIZE);
        }
        List<Map<String, Object>> matching;
        try {
            matching = updatedSince(LegacyCrmCollection.CONTACTS, updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        long first = (long) (page - 1) * perPage;
        String next = first + perPage < matching.size()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("per_page", perPage);
        body.put("records", slice(matching, first, perPage));
        body.put("next", next);
        Response.ResponseBuilder answer = Response.ok(body);
        if (next != null) {
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }

    private List<Map<String, Object>> updatedSince(LegacyCrmCollection collection, String since) {
        List<Map<String, Object>> records = data.records(collection);
        if (since == null || since.isBlank()) {
            return records;
        }
        Instant watermark = Instant.parse(since);
        return records.stream()
                .filter(record -> !Instant.parse((String) record.get(LegacyCrmData.UPDATED_AT)).isBefore(watermark))
                .toList();
    }

    private static List<Map<String, Object>> slice(List<Map<String, Object>> records, long first, int size) {
        int from = (int) Math.min(first, records.size());
        return records.subList(from, (int) Math.min((long) from + size, records.size()));
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
