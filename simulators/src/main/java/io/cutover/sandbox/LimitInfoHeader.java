package io.cutover.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds {@code Sforce-Limit-Info: api-usage=N/M} to every data API answer, refused ones included, as Salesforce does. */
public class LimitInfoHeader {

    @Inject
    DailyApiUsage usage;

    @ServerResponseFilter
    public void addHeader(ContainerRequestContext request, ContainerResponseContext response) {
        if (usage.sandboxEnabled() && SandboxGate.isDataApi(request.getUriInfo().getPath())) {
            response.getHeaders().putSingle("Sforce-Limit-Info", usage.limitInfo());
        }
    }
}
