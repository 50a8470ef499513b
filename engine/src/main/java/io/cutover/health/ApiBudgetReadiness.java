package io.cutover.health;

import io.cutover.load.ApiBudget;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the org's daily API requests are above the reserve Cutover keeps free (cutover.load.api-reserve), as the
 * last reading of /limits says. Down while the governor pauses the calls.
 */
@Readiness
@ApplicationScoped
public class ApiBudgetReadiness implements HealthCheck {

    private final ApiBudget budget;

    ApiBudgetReadiness(ApiBudget budget) {
        this.budget = budget;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cutover-api-budget").status(!budget.paused()).build();
    }
}
