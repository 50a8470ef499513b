package io.cutover.sandbox.kit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one gate in front of the three simulators: a simulator turned off answers 404 on its paths, its admin endpoints
 * need the admin token, and its API is guarded as the system it plays guards it.
 */
public class SimulatorGate {

    @Inject
    Instance<SimulatorGuard> simulators;

    @Inject
    AdminAccess adminAccess;

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        for (SimulatorGuard simulator : simulators) {
            if (simulator.paths().stream().noneMatch(path::startsWith)) {
                continue;
            }
            if (!simulator.enabled()) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return path.startsWith(simulator.adminPath()) ? adminAccess.refusal(request) : simulator.guard(request, path);
        }
        return null;
    }
}
