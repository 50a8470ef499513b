package io.cutover.sandbox;


import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** SOQL query and its next pages: {@code /services/data/vXX.X/query?q=...} and {@code query/{locator}}. */
@Path("/services/data/{version: v\\d+\\.\\d+}/query")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

    @Inject
    QueryEngine engine;

    @GET
    public Response query(@PathParam("version") String version, @QueryParam("q") String soql) {
        return ApiError.queryAnswer(() -> engine.run(soql, version));
    }

    @GET
    @Path("{locator}")
    public Response more(@PathParam("version") String version, @PathParam("locator") String locator) {
        return engine.more(locator, version).map(page -> Response.ok(page).build())
                .orElseGet(() -> new ApiError("invalid query locator", "INVALID_QUERY_LOCATOR")
                        .toResponse(Response.Status.BAD_REQUEST));
    }
}
