package io.cutover.sandbox.kit;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the three simulators share ({@code cutover.simulators.*}). */
@ConfigMapping(prefix = "cutover.simulators")
public interface SimulatorsConfig {

    /**
     * The bearer token the simulators' admin endpoints demand outside tests (reset, counters, faults, settings): they
     * change what an org or a legacy CRM holds and does, so nobody else reaching the port may call them. Without one
     * they refuse every call. From the environment: CUTOVER_SIMULATORS_ADMIN_TOKEN.
     */
    Optional<String> adminToken();
}
