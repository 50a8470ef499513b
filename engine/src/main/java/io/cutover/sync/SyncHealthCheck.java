package io.cutover.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while the running sync has failed to poll for longer than cutover.sync.unhealthy-after. */
@Readiness
@ApplicationScoped
public class SyncHealthCheck implements HealthCheck {

    private final SyncControl sync;
    private final SyncSettings settings;

    SyncHealthCheck(SyncControl sync, SyncSettings settings) {
        this.sync = sync;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cutover-sync");
        sync.lastSuccessfulPoll().ifPresent(poll -> response.withData("lastSuccessfulPoll", poll.toString()));
        Instant failingSince = sync.failingSince().orElse(null);
        if (!settings.enabled() || sync.phase() != SyncPhase.RUNNING || failingSince == null
                || failingSince.plus(settings.unhealthyAfter()).isAfter(Instant.now())) {
            return response.up().build();
        }
        return response.down().withData("failingSince", failingSince.toString()).build();
    }
}
