package io.cutover.run;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The control API's refusals as {@code application/problem+json}: its own ({@link ControlProblem}) and Quarkus
 * Security's. Only the control endpoints demand a role, so the security exceptions are theirs alone; the simulators'
 * endpoints keep answering as the systems they imitate do.
 */
public class ControlProblems {

    @ServerExceptionMapper
    public Response controlProblem(ControlProblem problem, UriInfo uri) {
        return response(problem.kind(), problem.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException failure, UriInfo uri) {
        return unauthorized(failure.getMessage() == null ? "Authorization: Bearer <the control token> is required"
                : failure.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException failure, UriInfo uri) {
        return unauthorized("Authorization: Bearer <the control token> is required", uri);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(response(ControlProblem.Kind.UNAUTHORIZED, detail, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cutover\"").build();
    }

    static Response response(ControlProblem.Kind kind, String detail, UriInfo uri) {
        return Response.status(kind.status).type(ControlProblem.MEDIA_TYPE)
                .entity(new ControlProblem.Details(kind.type, kind.title, kind.status, detail, uri.getRequestUri().getRawPath()))
                .build();
    }
}
