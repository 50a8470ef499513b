package io.cutover.sandbox.kit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What one simulator tells the shared gate ({@link SimulatorGate}): where it answers, whether it is on, how it guards its API. */
public interface SimulatorGuard {

    /** Its own path prefix, e.g. {@code /legacy-crm/}; its admin endpoints are under {@code admin/} there. */
    String home();

    /** The path prefixes it answers on: its home, and for a simulator of a real API, that API's paths too. */
    default List<String> paths() {
        return List.of(home());
    }

    /** Off, it answers nothing: its paths are 404, as if it were not there. */
    boolean enabled();

    /** The prefix of its admin endpoints, which the admin token guards ({@link AdminAccess}). */
    default String adminPath() {
        return home() + "admin/";
    }

    /** The answer that stops a call to its API as the system it plays would (no credential, a rate limit), or null. */
    Response guard(ContainerRequestContext request, String path);
}
