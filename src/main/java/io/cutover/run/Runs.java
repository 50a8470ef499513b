package io.cutover.run;

import io.cutover.report.RejectsFiles;
import io.cutover.report.RunReport;
import io.cutover.report.RunReports;
import io.cutover.source.RequeuedRejects;
import io.cutover.state.RunRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

/**
 * The start and end of a migration run, as the migration route calls them. A run's state travels with the exchange,
 * so runs never share anything but the state store.
 */
@Singleton
@Named("runs")
public class Runs {

    static final String RUN_ID = "runId";
    private static final String STARTED_AT = "runStartedAt";
    private static final String MODE = "full";
    private static final String REQUEUE_MODE = "requeue";
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(Runs.class);

    private final RunRepository repository;
    private final RunReports reports;
    private final RejectsFiles rejectsFiles;

    Runs(RunRepository repository, RunReports reports, RejectsFiles rejectsFiles) {
        this.repository = repository;
        this.reports = reports;
        this.rejectsFiles = rejectsFiles;
    }

    public void start(Exchange exchange) {
        Instant now = Instant.now();
        String runId = RUN_ID_TIME.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        repository.start(runId, mode(exchange), now);
        exchange.setProperty(RUN_ID, runId);
        exchange.setProperty(STARTED_AT, now);
        LOG.infof("Run %s started", runId);
    }

    /** Called with the last record of an object's export: the splitter's count of records read. */
    public void objectRead(@ExchangeProperty(RUN_ID) String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(Exchange.SPLIT_SIZE) int records) {
        repository.recordRead(runId, object, records);
    }

    public RunReport finish(Exchange exchange) {
        return end(exchange, "completed", null);
    }

    public RunReport fail(Exchange exchange, Throwable cause) {
        return end(exchange, "failed", cause.getMessage());
    }

    private RunReport end(Exchange exchange, String status, String error) {
        String runId = exchange.getProperty(RUN_ID, String.class);
        Instant now = Instant.now();
        repository.end(runId, status, now);
        RunReport report = reports.build(runId, mode(exchange), status, exchange.getProperty(STARTED_AT, Instant.class), now, error);
        Path file = reports.write(report);
        LOG.infof("%sReport: %s", RunReports.summary(report), file);
        List<Path> rejects = rejectsFiles.write(runId);
        if (!rejects.isEmpty()) {
            LOG.infof("Rejects: %s", rejects);
        }
        return report;
    }

    /** A run started with a folder of fixed rejects reads them instead of the exports. */
    private static String mode(Exchange exchange) {
        return exchange.getProperty(RequeuedRejects.FOLDER) == null ? MODE : REQUEUE_MODE;
    }
}
