package io.cutover.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "migrate",
        header = "Migrates the exports into the target once, reports, and exits with a code.",
        description = {"Migrates the exports into the target once: reads, maps, validates and loads, writes the run's"
                + " report (data/runs/<run-id>/), reads the target back against the ledger, and exits with a code a"
                + " pipeline can act on (cutover.mode=once). A run that was killed is resumed by the next one."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover migrate --sandbox",
            "      the sample export into the built-in Salesforce sandbox",
            "  cutover migrate --kind dry-run --export-dir /exports/2026-12-01",
            "      map and validate every record, load nothing",
            "  cutover migrate --kind sample --sample-size 10%%",
            "      a tenth of each object, and the children of the parents taken",
            "  cutover migrate --segment 'Account=$${body[billingstate]} == \"TX\"'",
            "      the Texan accounts and their contacts: a segment"})
class MigrateCommand implements ConfiguresApplication {

    static final List<String> KINDS = List.of("full", "dry-run", "sample", "segment");

    @Spec
    CommandSpec command;
    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    RejectLimitOptions rejectLimit;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = Kinds.class, description = "full: map, validate"
            + " and load every record; dry-run: map and validate, load nothing; sample: the first records of each object"
            + " (--sample-size); segment: the records --segment selects (cutover.run.kind; default full).")
    String kind;

    @Option(names = "--sample-size", paramLabel = "N|P%", description = "A sample run's records per object, or a share"
            + " (10%%); implies --kind sample (cutover.run.sample-size; default 100).")
    String sampleSize;

    @Option(names = "--segment", paramLabel = "OBJECT=FILTER", description = "A filter on the object's source columns"
            + " in Camel's simple language; children follow their parents; repeatable (cutover.run.segment.<Object>).")
    Map<String, String> segments = new LinkedHashMap<>();

    @Option(names = "--objects", paramLabel = "OBJECT", split = ",", description = "Only these objects, parents"
            + " first (cutover.run.objects; default every mapped object).")
    List<String> objects = new ArrayList<>();

    @Option(names = "--export-date", paramLabel = "yyyy-MM-dd", description = "When the legacy export was taken: recorded"
            + " with the run and shown in its report (cutover.run.export-date).")
    LocalDate exportDate;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        rejectLimit.configure(configuration);
        configuration.put("cutover.mode", "once");
        String runKind = kind == null && sampleSize != null ? "sample" : kind;
        if (runKind != null && !KINDS.contains(runKind)) {
            throw new ParameterException(command.commandLine(), "--kind is '" + runKind + "'; it is one of " + KINDS);
        }
        if (sampleSize != null && !"sample".equals(runKind)) {
            throw new ParameterException(command.commandLine(), "--sample-size goes with --kind sample");
        }
        if ("segment".equals(runKind) && segments.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--kind segment needs --segment OBJECT=FILTER");
        }
        if (runKind != null) {
            // a segment is a full run of the records the filters select
            configuration.put("cutover.run.kind", "segment".equals(runKind) ? "full" : runKind);
        }
        if (sampleSize != null) {
            configuration.put("cutover.run.sample-size", sampleSize);
        }
        // ${...} would be read by the configuration as its own expression: simple's other spelling, $simple{...}
        segments.forEach((object, filter) -> configuration.put("cutover.run.segment." + object,
                filter.replace("${", "$simple{")));
        if (!objects.isEmpty()) {
            configuration.put("cutover.run.objects", String.join(",", objects));
        }
        if (exportDate != null) {
            configuration.put("cutover.run.export-date", exportDate.toString());
        }
    }

    static final class Kinds extends ArrayList<String> {
        Kinds() {
            super(KINDS);
        }
    }
}
