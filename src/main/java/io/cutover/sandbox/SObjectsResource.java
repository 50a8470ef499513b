package io.cutover.sandbox;

import io.cutover.schema.DescribeDocuments;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Describe global and sObject describe, served from the target schema's describe documents. */
@Path("/services/data/{version: v\\d+\\.\\d+}/sobjects")
@Produces(MediaType.APPLICATION_JSON)
public class SObjectsResource {

    @Inject
    DescribeDocuments documents;

    @GET
    public Response describeGlobal() {
        return Response.ok(documents.global()).build();
    }

    @GET
    @Path("{object}/describe")
    public Response describe(@PathParam("object") String objectName) {
        return documents.describe(objectName).map(describe -> Response.ok(describe).build())
                .orElseGet(ApiError::notFound);
    }
}
