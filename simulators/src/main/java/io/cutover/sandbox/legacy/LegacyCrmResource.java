package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy CRM's REST API, paging its collections as such systems do: accounts by offset and limit with the total,
 * contacts by page with a link to the next page (in the body and in a {@code Link} header), opportunities by an opaque
 * cursor, notes by page number with the total. All take {@code updated_since} (ISO-8601): then the records changed at
 * or after it, deleted ones too (flagged), in the order of their changes.
 *
 * <p>Each record can also be read, created, changed and deleted on its own ({@code GET|PATCH|DELETE /accounts/{id}},
 * {@code POST /accounts}), as the reverse sync writes the target's changes back: an answer holds the record as stored.
 */
@Path("/legacy-crm/api")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyCrmResource {

    /** The most records one page holds, whatever the client asks for. */
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    LegacyCrmData data;
    @Inject
    LegacyCrmCounters counters;

    @GET
    @Path("accounts")
    public Response accounts(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("updated_since") String updatedSince) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return badRequest("offset must be 0 or more, limit 1 to " + MAX_PAGE_SIZE);
        }
        Optional<Instant> since;
        try {
            since = since(updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        List<LegacyCrmData.Stored> matching = data.list(LegacyCrmCollection.ACCOUNTS, since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", matching.size());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("records", fields(slice(matching, offset, limit)));
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
        Optional<Instant> since;
        try {
            since = since(updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        List<LegacyCrmData.Stored> matching = data.list(LegacyCrmCollection.CONTACTS, since);
        long first = (long) (page - 1) * perPage;
        String next = first + perPage < matching.size()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("per_page", perPage);
        body.put("records", fields(slice(matching, first, perPage)));
        body.put("next", next);
        Response.ResponseBuilder answer = Response.ok(body);
        if (next != null) {
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /**
     * Opportunities after the cursor, an opaque token naming the last record of the page before, so that a record
     * created or deleted meanwhile does not shift the pages. {@code next_cursor} is null on the last page.
     */
    @GET
    @Path("opportunities")
    public Response opportunities(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") int limit,
            @QueryParam("updated_since") String updatedSince) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            return badRequest("limit must be 1 to " + MAX_PAGE_SIZE);
        }
        Optional<Instant> since;
        try {
            since = since(updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        List<LegacyCrmData.Stored> matching = data.list(LegacyCrmCollection.OPPORTUNITIES, since);
        int from = 0;
        if (cursor != null) {
            Optional<Integer> after = after(matching, cursor, since.isPresent());
            if (after.isEmpty()) {
                return badRequest("cursor: '" + cursor + "' is not a cursor this API gave");
            }
            from = after.get();
        }
        List<LegacyCrmData.Stored> page = slice(matching, from, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", fields(page));
        body.put("next_cursor", from + page.size() < matching.size() ? cursorAfter(page.get(page.size() - 1)) : null);
        return Response.ok(body).build();
    }

    @GET
    @Path("notes")
    public Response notes(@QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("page_size") @DefaultValue("25") int pageSize, @QueryParam("updated_since") String updatedSince) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return badRequest("page must be 1 or more, page_size 1 to " + MAX_PAGE_SIZE);
        }
        Optional<Instant> since;
        try {
            since = since(updatedSince);
        } catch (DateTimeParseException e) {
            return badRequest("updated_since: '" + updatedSince + "' is not an ISO-8601 instant");
        }
        List<LegacyCrmData.Stored> matching = data.list(LegacyCrmCollection.NOTES, since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("page_size", pageSize);
        body.put("total", matching.size());
        body.put("records", fields(slice(matching, (long) (page - 1) * pageSize, pageSize)));
        return Response.ok(body).build();
    }

    @GET
    @Path("{collection}/{id}")
    public Response record(@PathParam("collection") String collection, @PathParam("id") String id) {
        Optional<LegacyCrmCollection> served = LegacyCrmCollection.byPath(collection);
        if (served.isEmpty()) {
            return notFound("no collection " + collection);
        }
        return data.find(served.get(), id).map(record -> Response.ok(record.fields()).build())
                .orElseGet(() -> notFound("no record " + id + " in " + collection));
    }

    @POST
    @Path("{collection}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("collection") String collection, Map<String, Object> fields) {
        Optional<LegacyCrmCollection> served = LegacyCrmCollection.byPath(collection);
        if (served.isEmpty()) {
            return notFound("no collection " + collection);
        }
        if (fields == null || fields.isEmpty()) {
            return badRequest("a record needs fields");
        }
        counters.apiCreations.incrementAndGet();
        return Response.status(Response.Status.CREATED)
                .entity(data.createFromApi(served.get(), fields, LegacyCrmData.now()).fields()).build();
    }

    @PATCH
    @Path("{collection}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("collection") String collection, @PathParam("id") String id,
            Map<String, Object> changes) {
        Optional<LegacyCrmCollection> served = LegacyCrmCollection.byPath(collection);
        if (served.isEmpty()) {
            return notFound("no collection " + collection);
        }
        Optional<LegacyCrmData.Stored> updated = data.updateFromApi(served.get(), id,
                changes == null ? Map.of() : changes, LegacyCrmData.now());
        updated.ifPresent(record -> counters.apiUpdates.incrementAndGet());
        return updated.map(record -> Response.ok(record.fields()).build())
                .orElseGet(() -> notFound("no live record " + id + " in " + collection));
    }

    @DELETE
    @Path("{collection}/{id}")
    public Response delete(@PathParam("collection") String collection, @PathParam("id") String id) {
        Optional<LegacyCrmCollection> served = LegacyCrmCollection.byPath(collection);
        if (served.isEmpty()) {
            return notFound("no collection " + collection);
        }
        if (!data.deleteFromApi(served.get(), id, LegacyCrmData.now())) {
            return notFound("no live record " + id + " in " + collection);
        }
        counters.apiDeletions.incrementAndGet();
        return Response.noContent().build();
    }

    /** The cursor of the page after {@code last}: its change time and its place, which order both listings. */
    private static String cursorAfter(LegacyCrmData.Stored last) {
        String key = last.updatedAt() + "/" + last.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the records after the cursor start in the listing; empty for a cursor this API did not give. */
    private static Optional<Integer> after(List<LegacyCrmData.Stored> listing, String cursor, boolean byChange) {
        Instant updatedAt;
        long sequence;
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int slash = key.lastIndexOf('/');
            updatedAt = Instant.parse(key.substring(0, slash));
            sequence = Long.parseLong(key.substring(slash + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            return Optional.empty();
        }
        int index = 0;
        while (index < listing.size() && !isAfter(listing.get(index), updatedAt, sequence, byChange)) {
            index++;
        }
        return Optional.of(index);
    }

    /** Export order is by place; the order of changes is by change time, then place. */
    private static boolean isAfter(LegacyCrmData.Stored record, Instant updatedAt, long sequence, boolean byChange) {
        if (byChange && !record.updatedAt().equals(updatedAt)) {
            return record.updatedAt().isAfter(updatedAt);
        }
        return record.sequence() > sequence;
    }

    /** The instant asked for; empty when none was. */
    private static Optional<Instant> since(String updatedSince) {
        return updatedSince == null || updatedSince.isBlank() ? Optional.empty() : Optional.of(Instant.parse(updatedSince));
    }

    private static List<Map<String, Object>> fields(List<LegacyCrmData.Stored> records) {
        return records.stream().map(LegacyCrmData.Stored::fields).toList();
    }

    private static List<LegacyCrmData.Stored> slice(List<LegacyCrmData.Stored> records, long first, int size) {
        int from = (int) Math.min(first, records.size());
        return records.subList(from, (int) Math.min((long) from + size, records.size()));
    }

    private static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
