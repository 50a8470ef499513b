package io.cutover.dedup;

import io.cutover.dedup.MatchingConfig.Mode;
import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.rollback.BeforeImages;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
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
    /** Records per sObject collection call, as Salesforce takes at most. */
    private static final int COLLECTION_SIZE = 200;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final MatchingCatalog catalog;
    private final Ledger ledger;
    private final MergedDuplicates mergedDuplicates;
    private final MappingCatalog mappings;
    private final Path dataDir;
    private final Mode mode;
    private final TargetCandidates targetCandidates;
    private final ProducerTemplate camel;
    private final BeforeImages beforeImages;
    private final boolean salesforceTarget;

    DuplicateReview(MatchingCatalog catalog, Ledger ledger, MergedDuplicates mergedDuplicates, MappingCatalog mappings,
            TargetCandidates targetCandidates, ProducerTemplate camel, BeforeImages beforeImages,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir, MatchingConfig matching,
            @ConfigProperty(name = "cutover.target.kind") String targetKind) {
        this.targetCandidates = targetCandidates;
        this.camel = camel;
        this.beforeImages = beforeImages;
        this.salesforceTarget = targetKind.equalsIgnoreCase("salesforce");
        this.catalog = catalog;
        this.ledger = ledger;
        this.mergedDuplicates = mergedDuplicates;
        this.mappings = mappings;
        this.dataDir = dataDir;
        this.mode = matching.mode();
    }

    /** The clusters among the run's records to load of the object, merged or written to its review file; how many. */
    public int review(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty("dryRun") Boolean dryRun) {
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
        List<TargetMatch> inTarget = rules.lookupInTarget().isEmpty() || !salesforceTarget ? List.of()
                : matchTarget(runId, object, rules, merging, Boolean.TRUE.equals(dryRun), fields);
        if (matches.clusters().isEmpty() && inTarget.isEmpty()) {
            LOG.infof("%s: no likely duplicates among the %d records to load", object, matches.records());
            return 0;
        }
        Path file = write(runId, object, fields, matches, values, merges, inTarget);
        long updates = inTarget.stream().filter(match -> match.decision() == TargetDecision.UPDATE).count();
        if (updates > 0) {
            LOG.infof("%s: %d records to load duplicate records already in the target, and load as updates of them (%s)",
                    object, updates, file);
        }
        if (inTarget.size() > updates) {
            LOG.warnf("%s: %d records to load look like records already in the target, loaded as they are: review %s",
                    object, inTarget.size() - updates, file);
        }
        int clusters = matches.clusters().size();
        int toReview = clusters - merges.size();
        if (!merges.isEmpty()) {
            LOG.infof("%s: %d %s of duplicates merged, %d records into their survivors (%s)", object, merges.size(),
                    merges.size() == 1 ? "cluster" : "clusters",
                    merges.values().stream().mapToInt(merge -> merge.merged().size()).sum(), file);
        }
        if (toReview > 0 && clusters > 0) {
            LOG.warnf("%s: %d %s of likely duplicates among the %d records to load, loaded as they are: review %s",
                    object, toReview, toReview == 1 ? "cluster" : "clusters", matches.records(), file);
        }
        return clusters + inTarget.size();
    }

    /** What becomes of a record to load that duplicates a record already in the target. */
    enum TargetDecision {
        /** Loaded as an update of the target's record, filling the fields it leaves empty. */
        UPDATE,
        /** Listed for review, loaded as it is. */
        REVIEW
    }

    /** A record to load and the record of the target it matches best, at least at the rules' threshold. */
    record TargetMatch(String legacyId, TargetCandidates.Candidate candidate, double score, List<String> matchedFields,
            TargetDecision decision, Map<String, String> values) {
    }

    /**
     * The records to load that no earlier run put in the target, compared with the target's records that share a value
     * of a {@code lookupInTarget} field, by the same rules. In merge mode, one matching a target record at least at
     * {@code merge.above} is loaded as an update of it: the target record takes the record's external id (one collection
     * update for up to 200 records; the upsert then finds it), and the record writes only the fields it leaves empty, as
     * a survivor takes what its duplicates fill in. A target record holding another legacy record's external id, and
     * every match in review mode or below {@code merge.above}, is listed for review; the record loads as it is.
     */
    private List<TargetMatch> matchTarget(String runId, String object, MatchRules rules, Optional<MergeRule> merging,
            boolean dryRun, List<String> fields) {
        ObjectMapping mapping = mappings.forObject(object);
        DuplicateFinder finder = new DuplicateFinder(rules);
        Map<String, Set<String>> lookups = new LinkedHashMap<>();
        rules.lookupInTarget().forEach(field -> lookups.put(field, new LinkedHashSet<>()));
        Map<String, Map<String, String>> recordValues = new HashMap<>();
        forEachPage(runId, object, page -> {
            Map<String, Ledger.Entry> entries = ledger.entries(object, page.stream().map(PipelineRecord::getLegacyId).toList());
            page.stream().filter(record -> {
                Ledger.Entry entry = entries.get(record.getLegacyId());
                return entry == null || entry.targetId() == null;
            }).forEach(record -> {
                Map<String, String> compared = compared(record, fields);
                finder.add(record.getLegacyId(), compared);
                recordValues.put(record.getLegacyId(), compared);
                lookups.forEach((field, values) -> {
                    String value = compared.get(field);
                    if (!value.isBlank()) {
                        values.add(value);
                    }
                });
            });
        });
        if (recordValues.isEmpty()) {
            return List.of();
        }
        Set<String> toRead = new LinkedHashSet<>(fields);
        toRead.addAll(mapping.fields().keySet());
        Collection<TargetCandidates.Candidate> candidates;
        try {
            candidates = targetCandidates.find(runId, object, mapping.object(), mapping.externalIdField(), lookups, toRead);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("%s: the target did not answer which of its records the %d records to load may duplicate; they load"
                    + " as they are, unmatched with it: %s", object, recordValues.size(), e.getMessage());
            return List.of();
        }
        Map<String, TargetCandidates.Candidate> byFinderId = new HashMap<>();
        for (TargetCandidates.Candidate candidate : candidates) {
            // a space cannot start a legacy id the sources give (they are trimmed), so this one never meets a record's
            String finderId = " target " + candidate.id();
            byFinderId.put(finderId, candidate);
            Map<String, String> compared = new LinkedHashMap<>();
            fields.forEach(field -> compared.put(field, candidate.fields().getOrDefault(field, "")));
            finder.add(finderId, compared);
        }
        Map<String, ScoredPair> best = new LinkedHashMap<>();
        for (ScoredPair pair : finder.find().pairs()) {
            boolean firstInTarget = byFinderId.containsKey(pair.firstId());
            if (firstInTarget == byFinderId.containsKey(pair.secondId())) {
                continue;
            }
            String legacyId = firstInTarget ? pair.secondId() : pair.firstId();
            best.merge(legacyId, pair, (one, other) -> other.score() > one.score() ? other : one);
        }
        Map<String, TargetMatch> found = new LinkedHashMap<>();
        best.forEach((legacyId, pair) -> {
            TargetCandidates.Candidate candidate = byFinderId.get(byFinderId.containsKey(pair.firstId()) ? pair.firstId()
                    : pair.secondId());
            found.put(legacyId, new TargetMatch(legacyId, candidate, pair.score(), pair.matchedFields(),
                    TargetDecision.REVIEW, recordValues.get(legacyId)));
        });
        if (merging.isPresent() && !dryRun) {
            updateTargetRecords(runId, object, mapping, merging.get(), found);
        }
        return List.copyOf(found.values());
    }

    /**
     * The records sure enough to load as updates of the target records they match, made so: the target record takes
     * the record's external id (unless it holds it already: a run stopped after this step), and the record's staged
     * values keep only the fields the target record leaves empty. The record's content hash stays that of its own
     * content, so that a rerun finds it unchanged.
     */
    private void updateTargetRecords(String runId, String object, ObjectMapping mapping, MergeRule rule,
            Map<String, TargetMatch> found) {
        Map<String, TargetMatch> sure = new HashMap<>();
        found.forEach((legacyId, match) -> {
            if (match.score() >= rule.above()) {
                sure.put(legacyId, match);
            }
        });
        if (sure.isEmpty()) {
            return;
        }
        List<PipelineRecord> records = new ArrayList<>();
        forEachPage(runId, object, page -> page.stream().filter(record -> sure.containsKey(record.getLegacyId()))
                .forEach(records::add));
        String externalIdField = mapping.externalIdField();
        List<PipelineRecord> toClaim = new ArrayList<>();
        List<PipelineRecord> toUpdate = new ArrayList<>();
        for (PipelineRecord record : records) {
            String externalId = String.valueOf(record.getFields().get(externalIdField));
            String held = sure.get(record.getLegacyId()).candidate().externalId();
            if (held.isEmpty()) {
                toClaim.add(record);
            } else if (held.equalsIgnoreCase(externalId)) {
                toUpdate.add(record);
            }
        }
        Map<String, String> matchedTargetIds = new LinkedHashMap<>();
        toClaim.forEach(record -> matchedTargetIds.put(record.getLegacyId(), sure.get(record.getLegacyId()).candidate().id()));
        toUpdate.forEach(record -> matchedTargetIds.put(record.getLegacyId(), sure.get(record.getLegacyId()).candidate().id()));
        beforeImages.captureMatched(runId, object, matchedTargetIds);
        toUpdate.addAll(claim(runId, object, mapping, toClaim, sure));
        List<MergedDuplicates.Merge> updates = new ArrayList<>();
        for (PipelineRecord record : toUpdate) {
            TargetMatch match = sure.get(record.getLegacyId());
            record.getFields().keySet().removeIf(field -> !field.equals(externalIdField)
                    && !match.candidate().fields().getOrDefault(field, "").isBlank());
            updates.add(new MergedDuplicates.Merge(record, List.of(), "duplicates the target's " + match.candidate().id()));
            found.put(record.getLegacyId(), new TargetMatch(match.legacyId(), match.candidate(), match.score(),
                    match.matchedFields(), TargetDecision.UPDATE, match.values()));
        }
        mergedDuplicates.record(updates);
    }

    /**
     * The target records take the external ids of the records that duplicate them: one collection update per 200
     * records. The records whose target record refused it (or whose call failed) stay for review.
     */
    private List<PipelineRecord> claim(String runId, String object, ObjectMapping mapping, List<PipelineRecord> records,
            Map<String, TargetMatch> matches) {
        List<PipelineRecord> claimed = new ArrayList<>();
        for (int from = 0; from < records.size(); from += COLLECTION_SIZE) {
            List<PipelineRecord> chunk = records.subList(from, Math.min(from + COLLECTION_SIZE, records.size()));
            List<Map<String, Object>> request = chunk.stream().map(record -> {
                Map<String, Object> update = new LinkedHashMap<>();
                update.put("attributes", Map.of("type", mapping.object()));
                update.put("Id", matches.get(record.getLegacyId()).candidate().id());
                update.put(mapping.externalIdField(), record.getFields().get(mapping.externalIdField()));
                return update;
            }).toList();
            Exchange answer = camel.send("salesforce:compositeUpdateSObjectCollections?allOrNone=false", exchange -> {
                exchange.setProperty("runId", runId);
                exchange.setProperty("object", object);
                exchange.getIn().setBody(request);
            });
            if (answer.getException() != null) {
                LOG.warnf("%s: the target did not take the external ids of %d records to load that duplicate its records;"
                        + " they load as they are, for review: %s", object, chunk.size(), answer.getException().getMessage());
                continue;
            }
            List<?> results = answer.getMessage().getBody(List.class);
            for (int i = 0; i < chunk.size() && i < results.size(); i++) {
                SaveSObjectResult result = (SaveSObjectResult) results.get(i);
                if (Boolean.TRUE.equals(result.getSuccess())) {
                    claimed.add(chunk.get(i));
                } else {
                    LOG.warnf("%s %s: the target's %s did not take its external id, and it loads as it is, for review: %s",
                            object, chunk.get(i).getLegacyId(), request.get(i).get("Id"), result.getErrors());
                }
            }
        }
        return claimed;
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
            Map<String, Map<String, String>> values, Map<DuplicateCluster, MergedDuplicates.Merge> merges,
            List<TargetMatch> inTarget) {
        Path file = dataDir.resolve("runs").resolve(runId).resolve("duplicates").resolve(object + ".csv");
        List<String> header = new ArrayList<>(List.of("cluster", "legacy_id", "decision", "weakest_link", "matched_fields",
                "target_id"));
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
                                String.join(" ", cluster.matchedFields()), ""));
                        fields.forEach(field -> row.add(values.get(legacyId).get(field)));
                        csv.printRecord(row);
                    }
                }
                // a record to load and the target's record it duplicates: two lines, the second the target's
                for (TargetMatch match : inTarget) {
                    number++;
                    String score = String.format(Locale.ROOT, "%.2f", match.score());
                    String matched = String.join(" ", match.matchedFields());
                    String decision = match.decision() == TargetDecision.UPDATE ? "update" : "review";
                    List<String> row = new ArrayList<>(List.of(String.valueOf(number), match.legacyId(), decision, score,
                            matched, match.candidate().id()));
                    fields.forEach(field -> row.add(match.values().get(field)));
                    csv.printRecord(row);
                    List<String> targetRow = new ArrayList<>(List.of(String.valueOf(number), match.candidate().externalId(),
                            "in-target", score, matched, match.candidate().id()));
                    fields.forEach(field -> targetRow.add(match.candidate().fields().getOrDefault(field, "")));
                    csv.printRecord(targetRow);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the duplicates to review " + file, e);
        }
    }
}
