package io.cutover.health;

import io.cutover.load.TargetChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the target takes Cutover. Salesforce: the session holds an access token, or a login gets one (a login is
 * not an API request; a token is reused, so a probe every few seconds costs nothing). A REST target: every object's
 * server takes a connection.
 */
@Readiness
@ApplicationScoped
public class TargetReadiness implements HealthCheck {

    private final TargetChoice target;
    private final SalesforceComponent salesforce;

    TargetReadiness(TargetChoice target, @Named("salesforce") SalesforceComponent salesforce) {
        this.target = target;
        this.salesforce = salesforce;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cutover-target").withData("kind", target.kind().name());
        if (target.kind() == TargetChoice.Kind.REST) {
            Map<String, String> problems = new LinkedHashMap<>();
            target.restTarget().objects().forEach((object, described) -> {
                String problem = Reachable.problem(described.baseUrl());
                if (problem != null) {
                    problems.put(object, problem);
                }
            });
            problems.forEach(response::withData);
            return response.status(problems.isEmpty()).build();
        }
        try {
            if (salesforce.getSession() == null) {
                return response.down().withData("login", "not started yet").build();
            }
            if (salesforce.getSession().getAccessToken() == null) {
                salesforce.getSession().login(null);
            }
            return response.up().withData("instance", String.valueOf(salesforce.getSession().getInstanceUrl())).build();
        } catch (Exception e) {
            return response.down().withData("login", String.valueOf(e.getMessage())).build();
        }
    }
}
