package io.cutover.sandbox.crm;

import io.cutover.sandbox.kit.SimulatorGuard;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Demands the configured bearer token on the simulator's API, as a CRM would. */
@Singleton
public class GenericCrmGate implements SimulatorGuard {

    static final String PATH = "/generic-crm/";
    static final String API_PATH = PATH + "api/";

    @Inject
    GenericCrmConfig config;

    @Override
    public String home() {
        return PATH;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Response guard(ContainerRequestContext request, String path) {
        if (path.startsWith(API_PATH) && !("Bearer " + config.token()).equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Response.fromResponse(GenericCrmFaults.error(401, "invalid or missing bearer token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return null;
    }
}
