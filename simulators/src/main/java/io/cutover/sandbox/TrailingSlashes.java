package io.cutover.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Salesforce answers its API paths with or without a trailing slash, and clients use both: camel-salesforce asks for
 * {@code .../sobjects/Account/describe/}. The resources are matched without it.
 */
public class TrailingSlashes {

    @ServerRequestFilter(preMatching = true)
    public void matchWithoutTrailingSlash(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String path = uri.getPath();
        if (path.startsWith("/services/") && path.endsWith("/")) {
            request.setRequestUri(uri.getRequestUriBuilder().replacePath(path.substring(0, path.length() - 1)).build());
        }
    }
}
