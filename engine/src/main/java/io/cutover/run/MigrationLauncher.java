package io.cutover.run;

import io.cutover.mapping.MappingTools;
import io.cutover.mapping.profile.ProfileConfig;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.plan.LoadPlan;
import io.cutover.reconcile.Reconciliation;
import io.cutover.report.RunReport;
import io.cutover.rollback.RollbackCommand;
import io.cutover.rollback.RollbackConfig;
import io.cutover.source.RequeueConfig;
import io.cutover.source.RequeuedRejects;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Component;
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

    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;
    /** Where auto-map, profile and mapping-doc write; by default a folder named after the mode in the data folder. */
    @ConfigProperty(name = "cutover.output-dir")
    Optional<Path> outputDir;
    @Inject
    ProfileConfig profile;
    @Inject
    RequeueConfig requeue;
    @Inject
    RollbackConfig rollbackConfig;

    private final ProducerTemplate producer;
    private final CamelContext camel;
    private boolean inProgress;
    private final CountDownLatch serving = new CountDownLatch(1);
    private final Runs runs;
    private final MappingTools tools;
    private final RequeuedRejects requeued;
    private final RollbackCommand rollback;
    private final Reconciliation reconciliation;
    private final LoadPlan plan;

    MigrationLauncher(ProducerTemplate producer, CamelContext camel, Runs runs, MappingTools tools,
            RequeuedRejects requeued, RollbackCommand rollback, Reconciliation reconciliation, LoadPlan plan) {
        this.reconciliation = reconciliation;
        this.plan = plan;
        this.producer = producer;
        this.camel = camel;
        this.runs = runs;
        this.tools = tools;
        this.requeued = requeued;
        this.rollback = rollback;
    }

    void onServing(@ObservesAsync HttpServerStart event) {
        serving.countDown();
    }

    void onStart(@Observes StartupEvent event) {
        RunMode runMode = runMode();
        if (runMode == RunMode.EXPORT_SCHEMA) {
            new Thread(this::exportSchema, "cutover-export-schema").start();
            return;
        }
        if (runMode.preparesMapping()) {
            new Thread(() -> runTool(runMode), "cutover-" + runMode.value()).start();
            return;
        }
        if (runMode == RunMode.ROLLBACK) {
            new Thread(this::rollBack, "cutover-rollback").start();
            return;
        }
        if (runMode == RunMode.RECONCILE) {
            new Thread(this::reconcile, "cutover-reconcile").start();
            return;
        }
        boolean once = runMode == RunMode.ONCE || runMode == RunMode.REQUEUE;
        if (!once && !runAtStart) {
            return;
        }
        Thread run = new Thread(() -> {
            int exitCode;
            try {
                RunReport report = runMode == RunMode.REQUEUE ? requeue(requeue.dir().orElseThrow(
                        () -> new IllegalArgumentException("cutover.requeue.dir (CUTOVER_REQUEUE_DIR) is not set"))) : runNow();
                exitCode = report.exitCode(maxRejectRate);
                if (exitCode == 0 && !reconciliation.agreedAfter(report.runId())) {
                    LOG.error("The target and the ledger disagree after the run: see its reconciliation");
                    exitCode = 2;
                }
            } catch (RuntimeException e) {
                LOG.error("The run could not start: " + e.getMessage(), e);
                exitCode = 2;
            }
            if (once) {
                LOG.infof("Exiting with code %d", exitCode);
                exit(exitCode);
            }
        }, "cutover-run");
        run.start();
    }

    /**
     * Ends a one-shot mode. camel-salesforce logs out of the target first, while it still answers: the built-in
     * sandbox stops with the application, and a logout at shutdown would fail with a stack trace.
     */
    private void exit(int exitCode) {
        Component salesforce = camel.hasComponent("salesforce");
        if (salesforce != null) {
            try {
                salesforce.stop();
            } catch (RuntimeException e) {
                LOG.warn("The logout from the target failed: " + e.getMessage());
            }
        }
        Quarkus.asyncExit(exitCode);
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
        exit(result.getException() == null ? 0 : 2);
    }

    /** Runs one of the commands that prepare a migration, outside the routes, and exits: 0 when its files are written. */
    private void runTool(RunMode runMode) {
        Path folder = outputDir.orElse(dataDir.resolve(runMode.value())).toAbsolutePath().normalize();
        int exitCode = 0;
        try {
            List<Path> written;
            if (runMode == RunMode.AUTO_MAP) {
                written = tools.autoMap(folder);
            } else if (runMode == RunMode.PROFILE) {
                ProfileLimits limits = ProfileLimits.DEFAULTS;
                written = tools.profile(folder, new ProfileLimits(profile.distinctValues(), limits.legacyIds(),
                        limits.topValues(), limits.examples(), profile.phoneRegion()));
            } else {
                written = tools.mappingDocument(folder);
            }
            LOG.infof("%s wrote %d files into %s: %s", runMode.value(), written.size(), folder,
                    written.stream().map(file -> file.getFileName().toString()).toList());
        } catch (IOException | RuntimeException e) {
            LOG.error(runMode.value() + " failed: " + e.getMessage(), e);
            exitCode = 2;
        }
        exit(exitCode);
    }

    /**
     * Reconciles every object of the plan with the target, into {@code cutover.output-dir} (by default
     * {@code data/reconcile}), and exits: 0 when the target and the ledger agree.
     */
    private void reconcile() {
        int exitCode;
        try {
            awaitServing();
            exitCode = reconcileNow().agreed() ? 0 : 2;
        } catch (RuntimeException e) {
            LOG.error("The reconciliation failed: " + e.getMessage(), e);
            exitCode = 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 2;
        }
        LOG.infof("Exiting with code %d", exitCode);
        exit(exitCode);
    }

    /**
     * Every mapped object reconciled with the target now, into {@code cutover.output-dir} (by default
     * {@code data/reconcile}): the reconcile mode's work, and {@code POST /reconcile}'s.
     */
    public Reconciliation.Result reconcileNow() {
        Path folder = outputDir.orElse(dataDir.resolve(RunMode.RECONCILE.value())).toAbsolutePath().normalize();
        return reconciliation.reconcile(plan.objects(camel, null), RunMode.RECONCILE.value(), folder);
    }

    /** Rolls back the run cutover.rollback.run-id names, and exits: 0 when all of it was rolled back. */
    private void rollBack() {
        int exitCode;
        if (rollbackConfig.runId().isEmpty()) {
            LOG.error("The rollback cannot start: cutover.rollback.run-id (CUTOVER_ROLLBACK_RUN_ID) is not set");
            exitCode = 2;
        } else {
            try {
                awaitServing();
                exitCode = rollback.rollBack(rollbackConfig.runId().get()).exitCode();
            } catch (IllegalStateException e) {
                LOG.error("The rollback cannot start: " + e.getMessage());
                exitCode = 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exitCode = 2;
            }
        }
        LOG.infof("Exiting with code %d", exitCode);
        exit(exitCode);
    }

    /**
     * A mode whose first call to the target is at once waits for the HTTP server: the built-in sandbox answers on this
     * application's port once it serves.
     */
    private void awaitServing() throws InterruptedException {
        if (!serving.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the HTTP server did not start within 2 minutes");
        }
    }

    /** Runs a migration of the fixed rejects files of the folder instead of the exports (requeue mode). */
    public RunReport requeue(Path folder) {
        try {
            LOG.infof("Requeue of %s: %s", folder, requeued.check(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the requeue folder " + folder, e);
        }
        return run(RunRequest.CONFIGURED, folder.toAbsolutePath());
    }

    /** Runs a whole migration as configured and returns its report, whether the run completed or failed. */
    public RunReport runNow() {
        return runNow(RunRequest.CONFIGURED);
    }

    /** Runs a whole migration as requested and returns its report, whether the run completed or failed. */
    public RunReport runNow(RunRequest request) {
        return run(request, null);
    }

    /**
     * Starts a run on a thread of its own and returns its id once it has one; empty when a run is in progress. A run
     * that failed to start is reported as the exception of this call.
     */
    public Optional<String> startInBackground(RunRequest request) {
        CompletableFuture<String> started;
        synchronized (this) {
            if (inProgress) {
                return Optional.empty();
            }
            inProgress = true;
            started = runs.nextStart();
        }
        Thread thread = new Thread(() -> {
            try {
                run(request, null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            } finally {
                started.completeExceptionally(new IllegalStateException("The run ended before it started"));
            }
        }, "cutover-run");
        thread.start();
        try {
            return Optional.of(started.get(2, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the run started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The run did not start: " + e.getMessage(), e);
        }
    }

    /** @param requeueFolder a requeue run's folder of fixed rejects files; null for a run of the exports */
    private RunReport run(RunRequest request, Path requeueFolder) {
        synchronized (this) {
            inProgress = true;
        }
        try {
            return runToTheEnd(request, requeueFolder);
        } finally {
            synchronized (this) {
                inProgress = false;
            }
        }
    }

    private RunReport runToTheEnd(RunRequest request, Path requeueFolder) {
        Exchange result = producer.send("direct:migration", exchange -> {
            exchange.setProperty(Runs.REQUEST, request);
            exchange.setProperty(RequeuedRejects.FOLDER, requeueFolder);
        });
        if (result.getException() != null) {
            Throwable failure = reason(result.getException());
            LOG.error("The run failed: " + failure.getMessage(), failure);
            if (result.getProperty(Runs.RUN_ID) == null) {
                throw new IllegalStateException("The run could not start", failure);
            }
            return runs.fail(result, failure);
        }
        return result.getMessage().getBody(RunReport.class);
    }

    /** The failure itself, not the wrapper a split puts around it ("Multicast processing failed for number 0 …"). */
    static Throwable reason(Throwable failure) {
        Throwable reason = failure;
        while (reason instanceof CamelExchangeException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return reason;
    }
}
