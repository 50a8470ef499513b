package io.cutover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cutover.load.ApiBudget;
import io.cutover.state.ApiCalls;
import io.cutover.state.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds a run's report from the ledger, writes it as JSON and renders the summary people read. */
@ApplicationScoped
public class RunReports {

    private final RunRepository runs;
    private final ApiCalls apiCalls;
    private final Warnings warnings;
    private final ApiBudget apiBudget;
    private final ObjectMapper json;
    private final Path dataDir;

    RunReports(RunRepository runs, ApiCalls apiCalls, Warnings warnings, ApiBudget apiBudget, ObjectMapper json,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.apiBudget = apiBudget;
        this.runs = runs;
        this.apiCalls = apiCalls;
        this.warnings = warnings;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.dataDir = dataDir;
    }

    public RunReport build(String runId, String mode, String status, Instant startedAt, Instant endedAt, String error) {
        Map<String, Long> readByObject = runs.recordsRead(runId);
        var outcomes = runs.outcomeCounts(runId);
        Map<String, ObjectCounts> objects = new LinkedHashMap<>();
        readByObject.forEach((object, read) -> objects.put(object, ObjectCounts.of(read, outcomes.getOrDefault(object, Map.of()))));
        outcomes.forEach((object, counts) -> objects.putIfAbsent(object, ObjectCounts.of(0, counts)));
        return new RunReport(runId, mode, status, startedAt, endedAt, runs.exportDate(runId).orElse(null), objects,
                apiCalls.of(runId), budget(runId),
                warnings.counts(runId), error);
    }

    /**
     * The API budget as the governor last read it for the run; once another run has read it, as the run's report.json
     * says, so that a run's page shows what its report holds.
     */
    private RunReport.Budget budget(String runId) {
        return apiBudget.reading(runId)
                .map(reading -> new RunReport.Budget(reading.limit(), reading.remaining(), reading.reserve(), reading.readAt()))
                .orElseGet(() -> {
                    Path file = dataDir.resolve("runs").resolve(runId).resolve("report.json");
                    try {
                        JsonNode written = Files.isRegularFile(file) ? json.readTree(file.toFile()).get("apiBudget") : null;
                        return written == null || written.isNull() ? null : json.treeToValue(written, RunReport.Budget.class);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the run report " + file, e);
                    }
                });
    }

    public Path write(RunReport report) {
        Path file = dataDir.resolve("runs").resolve(report.runId()).resolve("report.json");
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run report " + file, e);
        }
    }

    public static String summary(RunReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Run %s (%s) %s%s%n", report.runId(), report.mode(), report.status(),
                report.exportDate() == null ? "" : ", export of " + report.exportDate()));
        // the deleted column appears once the cutover sync deleted something, so a migration's summary stays as it was
        boolean deletes = report.objects().values().stream().anyMatch(c -> c.deleted() > 0);
        text.append(String.format("  %-24s %8s %8s %8s %9s %8s %8s %8s%s%n",
                "object", "read", "loaded", "updated", "unchanged", "rejected", "merged", "skipped",
                deletes ? String.format(" %8s", "deleted") : ""));
        report.objects().forEach((object, c) -> text.append(String.format("  %-24s %8d %8d %8d %9d %8d %8d %8d%s%s%n",
                object, c.read(), c.loaded(), c.updated(), c.unchanged(), c.rejected(), c.merged(), c.skipped(),
                deletes ? String.format(" %8d", c.deleted()) : "",
                c.accountedFor() ? "" : "  <- outcomes do not add up to the records read")));
        text.append(String.format("  calls to the target: %d %s%n", report.calls(), report.apiCalls()));
        if (!report.warnings().isEmpty()) {
            text.append(String.format("  warnings (values changed, records loaded): %s%n", report.warnings()));
        }
        if (report.error() != null) {
            text.append("  failed: ").append(report.error()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
