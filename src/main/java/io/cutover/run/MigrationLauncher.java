package io.cutover.run;

import io.cutover.report.RunReport;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts migration runs through the {@code direct:migration} route: once the application is up when configured to,
 * and in {@code once} mode exits afterwards with a code a CI pipeline can act on.
 */
@ApplicationScoped
public class MigrationLauncher {

    private static final Logger LOG = Logger.getLogger(MigrationLauncher.class);

    @ConfigProperty(name = "cutover.mode", defaultValue = "serve")
    String mode;
    @ConfigProperty(name = "cutover.run-at-start", defaultValue = "true")
    boolean runAtStart;
    @ConfigProperty(name = "cutover.max-reject-rate", defaultValue = "0")
    double maxRejectRate;

    private final ProducerTemplate producer;
    private final Runs runs;

    MigrationLauncher(ProducerTemplate producer, Runs runs) {
        this.producer = producer;
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        RunMode runMode = runMode();
        if (runMode == RunMode.EXPORT_SCHEMA) {
            new Thread(this::exportSchema, "cutover-export-schema").start();
            return;
        }
        boolean once = runMode == RunMode.ONCE;
        if (!once && !runAtStart) {
            return;
        }
        Thread run = new Thread(() -> {
            int exitCode;
            try {
                exitCode = runNow().exitCode(maxRejectRate);
            } catch (RuntimeException e) {
                LOG.error("The run could not start: " + e.getMessage(), e);
                exitCode = 2;
            }
            if (once) {
                LOG.infof("Exiting with code %d", exitCode);
                Quarkus.asyncExit(exitCode);
            }
        }, "cutover-run");
        run.start();
    }

    RunMode runMode() {
        return RunMode.of(mode).orElseThrow(() -> new ConfigurationException("Cutover cannot start: cutover.mode is '"
                + mode + "'; it is one of " + Arrays.stream(RunMode.values()).map(RunMode::value).toList()));
    }

    private void exportSchema() {
        Exchange result = producer.send("direct:export-schema", exchange -> { });
        if (result.getException() != null) {
            LOG.error("The schema export failed: " + result.getException().getMessage(), result.getException());
        }
        Quarkus.asyncExit(result.getException() == null ? 0 : 2);
    }

    /** Runs a whole migration and returns its report, whether the run completed or failed. */
    public RunReport runNow() {
        Exchange result = producer.send("direct:migration", exchange -> { });
        if (result.getException() != null) {
            LOG.error("The run failed: " + result.getException().getMessage(), result.getException());
            if (result.getProperty(Runs.RUN_ID) == null) {
                throw new IllegalStateException("The run could not start", result.getException());
            }
            return runs.fail(result, result.getException());
        }
        return result.getMessage().getBody(RunReport.class);
    }
}
