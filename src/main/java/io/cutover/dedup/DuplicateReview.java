package io.cutover.dedup;

import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import io.cutover.state.MergedDuplicates;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Duplicates among the records a run is about to load, once an object's export is read: they are matched by the
 * object's rules (matching/*.yaml), and the clusters of likely duplicates are written for a person to review,
 * {@code runs/<run-id>/duplicates/<Object>.csv}, with the score of each cluster's weakest link and the fields that matched.
 *
 * <p>In review mode nothing is merged: every record loads as it would without the review. In merge mode, a cluster
 * whose weakest link reaches its rules' {@code merge.above} is merged: one record survives (the survivorship rule), takes
 * the values its duplicates fill in, and loads; the others end {@code merged} naming it, and their children are loaded
 * under it. Clusters below that score, and clusters of which a record other than the survivor is in the target
 * already, stay for review. A record merged by an earlier run that is read again without its cluster (a change of it
 * alone, in a sync cycle) is skipped: loading it would create the duplicate again.
 */
@Singleton
@Named("duplicateReview")
public class DuplicateReview {

    private static final Logger LOG = Logger.getLogger(DuplicateReview.class);
    private static final int PAGE = 2000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private enum Mode { REVIEW, MERGE, OFF }

    private final MatchingCatalog catalog;
    private final Ledger ledger;
    private final MergedDuplicates mergedDuplicates;
    private final MappingCatalog mappings;
    private final Path dataDir;
    private final Mode mode;

    DuplicateReview(MatchingCatalog catalog, Ledger ledger, MergedDuplicates mergedDuplicates, MappingCatalog mappings,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir, @ConfigProperty(name = "cutover.matching.mode") String mode) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.mergedDuplicates = mergedDuplicates;
        this.mappings = mappings;
        this.dataDir = dataDir;
        this.mode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "review" -> Mode.REVIEW;
            case "merge" -> Mode.MERGE;
            case "off" -> Mode.OFF;
            default -> throw new IllegalArgumentException("cutover.matching.mode is " + mode + ": review, merge or off");
        };
    }

    /** The clusters among the run's records to load of the object, merged or written to its review file; how many. */
    public int review(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object) {
        MatchRules rules = catalog.forObject(object).orElse(null);
        if (mode == Mode.OFF || rules == null) {
            return 0;
        }
        Optional<MergeRule> merging = mode == Mode.MERGE ? rules.merge() : Optional.empty();
        DuplicateFinder finder = new DuplicateFinder(rules);
        List<String> fields = rules.rules().stream().map(MatchRule::field).distinct().toList();
        Map<String, PipelineRecord> mergedEarlier = new HashMap<>();
        Map<String, MergedDuplicates.MergedEarlier> survivorsEarlier = new HashMap<>();
        Set<String> toLoad = new HashSet<>();
        forEachPage(runId, object, page -> {
            page.forEach(record -> finder.add(record.getLegacyId(), compared(record, fields)));
            if (merging.isPresent()) {
                page.forEach(record -> toLoad.add(record.getLegacyId()));
                Map<String, MergedDuplicates.MergedEarlier> survivors = mergedDuplicates.mergedEarlier(object,
                        page.stream().map(PipelineRecord::getLegacyId).toList());
                survivorsEarlier.putAll(survivors);
                page.stream().filter(record -> survivors.containsKey(record.getLegacyId()))
                        .forEach(record -> mergedEarlier.put(record.getLegacyId(), record));
            }
        });
        Matches matches = finder.find();
        // the records of clusters only: the finder keeps every record in a compact form, a second read keeps what the
        // review and the merge need from growing with the export
        Map<String, PipelineRecord> clustered = new HashMap<>();
        matches.clusters().forEach(cluster -> cluster.ids().forEach(id -> clustered.put(id, null)));
        if (!clustered.isEmpty()) {
            forEachPage(runId, object, page -> page.stream().filter(record -> clustered.containsKey(record.getLegacyId()))
                    .forEach(record -> clustered.put(record.getLegacyId(), record)));
        }
        // the compared values as read, before a survivor takes any from its duplicates
        Map<String, Map<String, String>> values = new HashMap<>();
        clustered.forEach((id, record) -> values.put(id, compared(record, fields)));
        Map<DuplicateCluster, MergedDuplicates.Merge> merges = merging.map(rule -> merge(object, rule, matches, clustered))
                .orElse(Map.of());
        mergeAgainOrSkip(runId, object, mergedEarlier, survivorsEarlier, toLoad, merges.values());
        if (matches.clusters().isEmpty()) {
            LOG.infof("%s: no likely duplicates among the %d records to load", object, matches.records());
            return 0;
        }
        Path file = write(runId, object, fields, matches, values, merges);
        int clusters = matches.clusters().size();
        int toReview = clusters - merges.size();
        if (!merges.isEmpty()) {
            LOG.infof("%s: %d %s of duplicates merged, %d records into their survivors (%s)", object, merges.size(),
                    merges.size() == 1 ? "cluster" : "clusters",
                    merges.values().stream().mapToInt(merge -> merge.merged().size()).sum(), file);
        }
        if (toReview > 0) {
            LOG.warnf("%s: %d %s of likely duplicates among the %d records to load, loaded as they are: review %s",
                    object, toReview, toReview == 1 ? "cluster" : "clusters", matches.records(), file);
        }
        return clusters;
    }

    /**
     * The clusters sure enough to merge, merged and recorded. A cluster of which a record other than its survivor is in
     * the target already is left for review: Cutover does not merge records in the target. A survivor whose merged
     * content the target holds already (a rerun) is unchanged.
     */
    private Map<DuplicateCluster, MergedDuplicates.Merge> merge(String object, MergeRule rule, Matches matches,
            Map<String, PipelineRecord> clustered) {
        List<DuplicateCluster> sure = matches.clusters().stream().filter(cluster -> cluster.weakestLink() >= rule.above())
                .toList();
        if (sure.isEmpty()) {
            return Map.of();
        }
        Map<String, Ledger.Entry> inLedger = ledger.entries(object,
                sure.stream().flatMap(cluster -> cluster.ids().stream()).toList());
        Set<String> references = mappings.forObject(object).fields().entrySet().stream()
                .filter(field -> field.getValue() instanceof FieldRule.Parent).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Map<DuplicateCluster, MergedDuplicates.Merge> merges = new LinkedHashMap<>();
        for (DuplicateCluster cluster : sure) {
            MergedDuplicates.Merge merge = Survivorship.merge(cluster.ids().stream().map(clustered::get).toList(), rule,
                    references, String.format(Locale.ROOT, "duplicates by %s, weakest link %.2f",
                            String.join(" ", cluster.matchedFields()), cluster.weakestLink()));
            boolean mergedInTarget = merge.merged().stream().anyMatch(record -> {
                Ledger.Entry entry = inLedger.get(record.getLegacyId());
                return entry != null && entry.targetId() != null;
            });
            if (!mergedInTarget) {
                merges.put(cluster, merge);
            }
        }
        mergedDuplicates.record(List.copyOf(merges.values()));
        List<PipelineRecord> unchanged = merges.values().stream().map(MergedDuplicates.Merge::survivor).filter(survivor -> {
            Ledger.Entry entry = inLedger.get(survivor.getLegacyId());
            return entry != null && entry.targetId() != null && survivor.getContentHash().equals(entry.contentHash());
        }).toList();
        unchanged.forEach(PipelineRecord::unchanged);
        if (!unchanged.isEmpty()) {
            ledger.record(unchanged);
        }
        return merges;
    }

    /**
     * The records merged by an earlier run that this run's clusters did not merge. One that has not changed since,
     * whose survivor has not either (so the survivor is not among the records to load, and met nothing to match), is
     * merged into the same survivor again. Any other is skipped: loading it would create the duplicate the merge removed.
     */
    private void mergeAgainOrSkip(String runId, String object, Map<String, PipelineRecord> mergedEarlier,
            Map<String, MergedDuplicates.MergedEarlier> earlier, Set<String> toLoad,
            Collection<MergedDuplicates.Merge> merges) {
        merges.forEach(merge -> merge.merged().forEach(record -> mergedEarlier.remove(record.getLegacyId())));
        List<PipelineRecord> again = new ArrayList<>();
        List<PipelineRecord> skipped = new ArrayList<>();
        mergedEarlier.values().forEach(record -> {
            MergedDuplicates.MergedEarlier merged = earlier.get(record.getLegacyId());
            if (!toLoad.contains(merged.survivor()) && record.getContentHash().equals(merged.contentHash())) {
                again.add(record);
            } else {
                record.skip("MERGED_EARLIER", record.getSourceRef() + ": " + record.getObject() + " "
                        + record.getLegacyId() + ": merged into " + merged.survivor() + " by an earlier run and read "
                        + "again changed, without its duplicates: not loaded, so as not to create it again; change the "
                        + "survivor instead");
                skipped.add(record);
            }
        });
        mergedDuplicates.mergeAgain(again, earlier);
        if (!skipped.isEmpty()) {
            ledger.record(skipped);
        }
    }

    /** The run's records to load of the object (deletions aside), page by page. */
    private void forEachPage(String runId, String object, Consumer<List<PipelineRecord>> action) {
        String afterParentKey = "";
        long afterRecordNo = 0;
        List<PipelineRecord> page;
        do {
            page = ledger.pending(runId, object, afterParentKey, afterRecordNo, PAGE);
            action.accept(page.stream().filter(record -> !record.isDeletion()).toList());
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
            Map<String, Map<String, String>> values, Map<DuplicateCluster, MergedDuplicates.Merge> merges) {
        Path file = dataDir.resolve("runs").resolve(runId).resolve("duplicates").resolve(object + ".csv");
        List<String> header = new ArrayList<>(List.of("cluster", "legacy_id", "decision", "weakest_link", "matched_fields"));
        header.addAll(fields);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                csv.printRecord(header);
                int number = 0;
                for (DuplicateCluster cluster : matches.clusters()) {
                    number++;
                    MergedDuplicates.Merge merge = merges.get(cluster);
                    for (String legacyId : cluster.ids()) {
                        String decision = merge == null ? "review"
                                : merge.survivor().getLegacyId().equals(legacyId) ? "survivor" : "merged";
                        List<String> row = new ArrayList<>(List.of(String.valueOf(number), legacyId, decision,
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
