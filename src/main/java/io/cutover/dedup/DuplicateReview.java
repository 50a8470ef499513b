package io.cutover.dedup;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Review mode of duplicate detection: once an object's export is read, the records the run is about to load are
 * matched by the object's rules (matching/*.yaml), and the clusters of likely duplicates are written for a person to
 * review, {@code runs/<run-id>/duplicates/<Object>.csv}, with the score of each cluster's weakest link and the fields
 * that matched. Nothing is merged: every record loads as it would without the review.
 */
@Singleton
@Named("duplicateReview")
public class DuplicateReview {

    private static final Logger LOG = Logger.getLogger(DuplicateReview.class);
    private static final int PAGE = 2000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final MatchingCatalog catalog;
    private final Ledger ledger;
    private final Path dataDir;
    private final boolean enabled;

    DuplicateReview(MatchingCatalog catalog, Ledger ledger, @ConfigProperty(name = "cutover.data-dir") Path dataDir,
            @ConfigProperty(name = "cutover.matching.mode") String mode) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.dataDir = dataDir;
        this.enabled = switch (mode.toLowerCase(Locale.ROOT)) {
            case "review" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("cutover.matching.mode is " + mode + ": review or off");
        };
    }

    /** The clusters among the run's records to load of the object, written to its review file; how many. */
    public int review(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object) {
        MatchRules rules = catalog.forObject(object).orElse(null);
        if (!enabled || rules == null) {
            return 0;
        }
        DuplicateFinder finder = new DuplicateFinder(rules);
        List<String> fields = rules.rules().stream().map(MatchRule::field).distinct().toList();
        forEachToLoad(runId, object, record -> finder.add(record.getLegacyId(), compared(record, fields)));
        Matches matches = finder.find();
        if (matches.clusters().isEmpty()) {
            LOG.infof("%s: no likely duplicates among the %d records to load", object, matches.records());
            return 0;
        }
        // the compared values of the records in clusters only: the finder keeps every record in a compact form, a
        // second read keeps the file's values from growing with the export
        Set<String> clustered = new HashSet<>();
        matches.clusters().forEach(cluster -> clustered.addAll(cluster.ids()));
        Map<String, Map<String, String>> values = new HashMap<>();
        forEachToLoad(runId, object, record -> {
            if (clustered.contains(record.getLegacyId())) {
                values.put(record.getLegacyId(), compared(record, fields));
            }
        });
        Path file = write(runId, object, fields, matches, values);
        int clusters = matches.clusters().size();
        LOG.warnf("%s: %d %s of likely duplicates among the %d records to load, loaded as they are: review %s",
                object, clusters, clusters == 1 ? "cluster" : "clusters", matches.records(), file);
        return clusters;
    }

    /** The run's records to load of the object (deletions aside), page by page. */
    private void forEachToLoad(String runId, String object, Consumer<PipelineRecord> action) {
        String afterParentKey = "";
        long afterRecordNo = 0;
        List<PipelineRecord> page;
        do {
            page = ledger.pending(runId, object, afterParentKey, afterRecordNo, PAGE);
            page.stream().filter(record -> !record.isDeletion()).forEach(action);
            if (!page.isEmpty()) {
                PipelineRecord last = page.get(page.size() - 1);
                afterParentKey = last.getParentKey();
                afterRecordNo = last.getRecordNumber();
            }
        } while (page.size() == PAGE);
    }

    private static Map<String, String> compared(PipelineRecord record, List<String> fields) {
        Map<String, String> compared = new LinkedHashMap<>();
        fields.forEach(field -> {
            Object value = record.getFields().get(field);
            compared.put(field, value == null ? "" : value.toString());
        });
        return compared;
    }

    private Path write(String runId, String object, List<String> fields, Matches matches,
            Map<String, Map<String, String>> values) {
        Path file = dataDir.resolve("runs").resolve(runId).resolve("duplicates").resolve(object + ".csv");
        List<String> header = new ArrayList<>(List.of("cluster", "legacy_id", "weakest_link", "matched_fields"));
        header.addAll(fields);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                csv.printRecord(header);
                int number = 0;
                for (DuplicateCluster cluster : matches.clusters()) {
                    number++;
                    for (String legacyId : cluster.ids()) {
                        List<String> row = new ArrayList<>(List.of(String.valueOf(number), legacyId,
                                String.format(Locale.ROOT, "%.2f", cluster.weakestLink()),
                                String.join(" ", cluster.matchedFields())));
                        fields.forEach(field -> row.add(values.get(legacyId).get(field)));
                        csv.printRecord(row);
                    }
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the duplicates to review " + file, e);
        }
    }
}
