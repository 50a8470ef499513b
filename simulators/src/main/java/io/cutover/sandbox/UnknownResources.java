package io.cutover.sandbox;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A data API path the sandbox has no resource for answers Salesforce's JSON {@code NOT_FOUND} error, as Salesforce
 * answers any path it does not know ({@code /composite}, Bulk API 2.0 query jobs): clients read the error code from
 * that body.
 */
public class UnknownResources {

    @ServerExceptionMapper
    public Response notFound(NotFoundException unmatched, UriInfo uri) {
        return SandboxGate.isDataApi(uri.getPath()) ? ApiError.notFound() : unmatched.getResponse();
    }
}
