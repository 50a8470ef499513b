package io.cutover.sandbox;


import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SOQL over live and deleted records: {@code /services/data/vXX.X/queryAll?q=...}. Deleted records come from the
 * recycle bin with {@code IsDeleted} true; next pages are the query resource's.
 */
@Path("/services/data/{version: v\\d+\\.\\d+}/queryAll")
@Produces(MediaType.APPLICATION_JSON)
public class QueryAllResource {

    @Inject
    QueryEngine engine;

    @GET
    public Response queryAll(@PathParam("version") String version, @QueryParam("q") String soql) {
        return ApiError.queryAnswer(() -> engine.runAll(soql, version));
    }
}
