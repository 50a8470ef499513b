package io.cutover.health;

import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every object's source is there: its export files readable, or each of its REST APIs' servers taking a
 * connection.
 */
@Readiness
@ApplicationScoped
public class SourcesReadiness implements HealthCheck {

    private final SourceCatalog sources;

    SourcesReadiness(SourceCatalog sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cutover-sources");
        boolean up = true;
        for (String object : sources.objects()) {
            String problem = sources.readsRest(object) ? unreachableSources(object) : unreadableExport(object);
            if (problem != null) {
                response.withData(object, problem);
                up = false;
            }
        }
        return response.status(up).build();
    }

    /** What keeps each of the object's REST sources that cannot be reached from being reached, if any cannot. */
    private String unreachableSources(String object) {
        List<String> problems = new ArrayList<>();
        for (RestSource rest : sources.restSources(object)) {
            String problem = Reachable.problem(rest.url());
            if (problem != null) {
                problems.add(rest.source().map(name -> name + ": ").orElse("") + problem);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** What keeps one of the object's export files from being read, if anything does. */
    private String unreadableExport(String object) {
        try {
            return sources.exports(object).stream().filter(export -> !Files.isReadable(export.file())).findFirst()
                    .map(export -> export.file() + " is not readable").orElse(null);
        } catch (UncheckedIOException globMatchesNothing) {
            return globMatchesNothing.getMessage();
        }
    }
}
