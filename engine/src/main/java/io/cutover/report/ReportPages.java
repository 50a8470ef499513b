package io.cutover.report;

import io.cutover.state.OutcomesOverTime;
import io.cutover.state.RejectReasons;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The run report as a page people read: per object, bars of what became of the records; the top reject reasons with
 * examples; the throughput over time as a chart; the calls made to the target, by operation against the org's
 * remaining daily API requests; the reconciliation's result when there is one; links to the rejects and success
 * files. Served by {@code /runs/{id}/report} and written beside {@code report.json} as a self-contained
 * {@code report.html} (inline CSS, no script) and a {@code report.md}, for one-shot runs in containers.
 */
@ApplicationScoped
public class ReportPages {

    /** Reasons shown, and examples per reason: enough to act on, short enough to read. */
    private static final int TOP_REASONS = 10;
    private static final int EXAMPLES = 3;

    /** One bar: an outcome's count and its share of the object's records read. */
    public record Bar(String outcome, long count, double percent) {}

    public record ObjectBars(String object, long read, List<Bar> bars) {}

    /** A file to download: its kind (rejects or success), the object, and where the page links to it. */
    public record FileLink(String kind, String object, String href) {}

    /** The calls of one operation, and their share of the daily API requests the org had left. */
    public record OperationCalls(String operation, long calls, double percentOfRemaining) {}

    /** The org's daily API requests: used and left as shares of the limit, for a bar. */
    public record Budget(RunReport.Budget reading, double usedPercent, double remainingPercent) {}

    public record Page(RunReport report, List<ObjectBars> objects, List<RejectReasons.Reason> reasons,
            ThroughputChart throughput, List<OperationCalls> calls, Optional<Budget> budget,
            Optional<String> reconciliation, List<FileLink> files) {}

    private final RejectReasons rejectReasons;
    private final OutcomesOverTime outcomesOverTime;
    private final Template page;
    private final Path dataDir;

    ReportPages(RejectReasons rejectReasons, OutcomesOverTime outcomesOverTime,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.rejectReasons = rejectReasons;
        this.outcomesOverTime = outcomesOverTime;
        this.page = template("/templates/report.html");
        this.dataDir = dataDir;
    }

    /**
     * A template read by Qute's engine used as a library (qute-core), its values HTML-escaped: the quarkus-qute
     * extension would need, in dev mode, its debugger (io.quarkus.qute:qute-debug), which this machine's Maven mirror
     * does not serve, so that ./mvnw quarkus:dev could not start.
     */
    private static Template template(String resource) {
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addValueResolver(ValueResolvers.rawResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        try (java.io.InputStream in = ReportPages.class.getResourceAsStream(resource)) {
            return engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Variant.forContentType(Variant.TEXT_HTML));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the template " + resource, e);
        }
    }

    /** The page served by the application: its links go to the download endpoint. */
    public String served(RunReport report) {
        return page.data("page", page(report, "/runs/" + report.runId() + "/files/")).render();
    }

    /** Writes report.html and report.md in the run folder; their links are relative to that folder. */
    public List<Path> write(RunReport report) {
        Page content = page(report, "");
        Path folder = runFolder(report.runId());
        try {
            Files.createDirectories(folder);
            Path html = Files.writeString(folder.resolve("report.html"), page.data("page", content).render(), StandardCharsets.UTF_8);
            Path md = Files.writeString(folder.resolve("report.md"), markdown(content), StandardCharsets.UTF_8);
            return List.of(html, md);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report page of run " + report.runId(), e);
        }
    }

    /**
     * A rejects or success file of the run, if it exists: only names the run's own files can have are accepted, so
     * that no request reaches outside the run folder.
     */
    public Optional<Path> file(String runId, String kind, String name) {
        if (!List.of("rejects", "success").contains(kind) || !name.matches("[A-Za-z0-9_]+\\.csv") || !isRunId(runId)) {
            return Optional.empty();
        }
        Path file = runFolder(runId).resolve(kind).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The report files written at the end of a run, by name. */
    public static final List<String> REPORT_FILES = List.of("report.json", "report.html", "report.md");

    /** One of the run's {@link #REPORT_FILES}, if it was written (a run in progress has none yet). */
    public Optional<Path> reportFile(String runId, String name) {
        if (!REPORT_FILES.contains(name) || !isRunId(runId)) {
            return Optional.empty();
        }
        Path file = runFolder(runId).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Every file of the run there is to download, the report's first, as the application serves them. */
    public List<FileLink> downloads(String runId) {
        String prefix = "/runs/" + runId + "/files/";
        List<FileLink> links = new ArrayList<>();
        REPORT_FILES.stream().filter(name -> reportFile(runId, name).isPresent())
                .forEach(name -> links.add(new FileLink("report", null, prefix + name)));
        links.addAll(files(runId, prefix));
        return links;
    }

    private static boolean isRunId(String runId) {
        return runId.matches("[A-Za-z0-9_.-]+") && !runId.startsWith(".");
    }

    Page page(RunReport report, String linkPrefix) {
        List<ObjectBars> objects = new ArrayList<>();
        report.objects().forEach((object, c) -> objects.add(new ObjectBars(object, c.read(), List.of(
                bar("loaded", c.loaded(), c.read()), bar("updated", c.updated(), c.read()),
                bar("unchanged", c.unchanged(), c.read()), bar("rejected", c.rejected(), c.read()),
                bar("merged", c.merged(), c.read()), bar("skipped", c.skipped(), c.read())))));
        Duration interval = ThroughputChart.intervalFor(report.startedAt(), report.endedAt());
        RunReport.Budget reading = report.apiBudget();
        List<OperationCalls> calls = report.callsByOperation().entrySet().stream()
                .map(call -> new OperationCalls(call.getKey(), call.getValue(), reading == null || reading.remaining() == 0 ? 0
                        : Math.round(10000.0 * call.getValue() / reading.remaining()) / 100.0))
                .toList();
        Optional<Budget> budget = Optional.ofNullable(reading).filter(r -> r.limit() > 0).map(r -> new Budget(r,
                Math.round(1000.0 * (r.limit() - r.remaining()) / r.limit()) / 10.0,
                Math.round(1000.0 * r.remaining() / r.limit()) / 10.0));
        return new Page(report, objects, rejectReasons.top(report.runId(), TOP_REASONS, EXAMPLES),
                ThroughputChart.of(interval, outcomesOverTime.of(report.runId(), interval)), calls, budget,
                reconciliation(report.runId()), files(report.runId(), linkPrefix));
    }

    private static Bar bar(String outcome, long count, long read) {
        return new Bar(outcome, count, read == 0 ? 0 : Math.round(1000.0 * count / read) / 10.0);
    }

    private Optional<String> reconciliation(String runId) {
        Path file = runFolder(runId).resolve("reconciliation.json");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private List<FileLink> files(String runId, String linkPrefix) {
        List<FileLink> links = new ArrayList<>();
        for (String kind : List.of("success", "rejects")) {
            Path folder = runFolder(runId).resolve(kind);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted()
                        .forEach(name -> links.add(new FileLink(kind, name.substring(0, name.length() - 4),
                                linkPrefix + kind + "/" + name)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder, e);
            }
        }
        return links;
    }

    private Path runFolder(String runId) {
        return dataDir.resolve("runs").resolve(runId);
    }

    static String markdown(Page page) {
        RunReport report = page.report();
        StringBuilder md = new StringBuilder();
        md.append("# Run ").append(report.runId()).append("\n\n");
        md.append("- kind: ").append(report.mode()).append("\n- status: ").append(report.status())
                .append("\n- started: ").append(report.startedAt()).append("\n- ended: ").append(report.endedAt())
                .append(report.exportDate() == null ? "" : "\n- export of: " + report.exportDate()).append('\n');
        if (report.error() != null) {
            md.append("- error: ").append(report.error()).append('\n');
        }
        md.append("\n## Records\n\n| object | read | loaded | updated | unchanged | rejected | merged | skipped |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ObjectBars object : page.objects()) {
            md.append("| ").append(object.object()).append(" | ").append(object.read());
            object.bars().forEach(bar -> md.append(" | ").append(bar.count()));
            md.append(" |\n");
        }
        if (!page.reasons().isEmpty()) {
            md.append("\n## Top reject reasons\n\n");
            for (RejectReasons.Reason reason : page.reasons()) {
                md.append("- **").append(reason.object()).append(' ').append(reason.reasonCode()).append("**: ")
                        .append(reason.count()).append('\n');
                reason.examples().forEach(example -> md.append("  - ").append(example).append('\n'));
            }
        }
        ThroughputChart throughput = page.throughput();
        if (!throughput.intervals().isEmpty()) {
            md.append(String.format(Locale.ROOT, "%n## Throughput%n%n%d records given their outcome in %d intervals of %d s; "
                    + "the busiest %.1f records/s%n", throughput.records(), throughput.intervals().size(),
                    throughput.interval().toSeconds(), throughput.peakPerSecond()));
        }
        md.append("\n## Calls to the target\n\n").append(report.calls()).append(" in all\n\n");
        report.apiCalls().forEach((object, calls) -> calls.forEach((operation, count) ->
                md.append("- ").append(object).append(' ').append(operation).append(": ").append(count).append('\n')));
        page.budget().ifPresent(budget -> md.append(String.format(Locale.ROOT, "%nThe org's daily API requests: %d of %d "
                + "left at %s (reserve %d)%n", budget.reading().remaining(), budget.reading().limit(),
                budget.reading().readAt(), budget.reading().reserve())));
        page.reconciliation().ifPresent(json -> md.append("\n## Reconciliation\n\n```json\n").append(json.strip()).append("\n```\n"));
        if (!page.files().isEmpty()) {
            md.append("\n## Files\n\n");
            page.files().forEach(link -> md.append("- [").append(link.kind()).append(' ').append(link.object())
                    .append("](").append(link.href()).append(")\n"));
        }
        return md.toString();
    }
}
