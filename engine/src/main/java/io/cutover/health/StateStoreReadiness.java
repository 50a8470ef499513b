package io.cutover.health;

import io.cutover.state.StateStoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the state store takes a write (made and rolled back): a full disk or a read-only replica fails it. */
@Readiness
@ApplicationScoped
public class StateStoreReadiness implements HealthCheck {

    private final StateStoreProbe probe;

    StateStoreReadiness(StateStoreProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        return probe.writeProblem()
                .map(problem -> HealthCheckResponse.named("cutover-state-store").down().withData("write", problem).build())
                .orElseGet(() -> HealthCheckResponse.up("cutover-state-store"));
    }
}
