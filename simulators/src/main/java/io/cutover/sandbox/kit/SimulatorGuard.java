package io.cutover.sandbox.kit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What one simulator tells the shared gate ({@link SimulatorGate}): where it answers, whether it is on, how it guards its API. */
public interface SimulatorGuard {

    /** The path prefixes it answers on, e.g. {@code /legacy-crm/}. */
    List<String> paths();

    /** Off, it answers nothing: its paths are 404, as if it were not there. */
    boolean enabled();

    /** The prefix of its admin endpoints, which the admin token guards ({@link AdminAccess}). */
    String adminPath();

    /** The answer that stops a call to its API as the system it plays would (no credential, a rate limit), or null. */
    Response guard(ContainerRequestContext request, String path);
}
