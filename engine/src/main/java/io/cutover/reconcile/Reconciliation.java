package io.cutover.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.run.Runs;
import io.cutover.enrich.TargetQueries;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The proof that nothing was lost, read from the target itself: per object, the target's own count of migrated
 * records (SOQL {@code COUNT()} on the external id field) against the ledger's; then, since equal counts can hide a
 * record deleted and another created, every migrated record of the target (its id and external id, page by page,
 * 2,000 a call, or through a Bulk API 2.0 query job above {@code cutover.reconcile.bulk-threshold}) compared with the
 * ledger, one ledger query a page, naming each record on one side only: in the target but not in the ledger (or under
 * another id), or in the ledger but no longer in the target; and each child whose parent reference is empty there (an
 * orphan). Written to {@code reconciliation.json} and one CSV per object with differences.
 */
@Singleton
@Named("reconciliation")
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final int LEDGER_PAGE = 2000;
    private static final String CHANGED_IN_TARGET = "CHANGED_IN_TARGET";
    private static final String ORPHAN = "ORPHAN";

    /** One record on one side only, or one of its fields differing: the field, the value sent and the value found. */
    public record Difference(String legacyId, String targetId, String problem, String field, String expected, String found) {
        Difference(String legacyId, String targetId, String problem) {
            this(legacyId, targetId, problem, null, null, null);
        }

        boolean changedInTarget() {
            return CHANGED_IN_TARGET.equals(problem);
        }

        boolean orphan() {
            return ORPHAN.equals(problem);
        }
    }

    /**
     * One object's counts and differences. A field someone edited in the target after Cutover wrote it makes the object
     * disagree, unless the reverse sync carries target edits back to the legacy CRM ({@code targetEditsSynced}): then
     * people working in the new CRM during the cutover is what is expected, and their edits are listed only.
     *
     * @param fieldsCompared the records whose fields were compared with the values sent (the sample's)
     * @param bulk whether the target's records were read through a Bulk API 2.0 query job
     */
    public record ObjectReconciliation(String object, long ledger, long target, List<Difference> differences,
            boolean targetEditsSynced, long fieldsCompared, boolean bulk) {

        public boolean agreed() {
            return ledger == target && differences.stream()
                    .allMatch(difference -> targetEditsSynced && difference.changedInTarget());
        }

        public long orphans() {
            return differences.stream().filter(Difference::orphan).count();
        }
    }

    /** What a reconciliation found, and where it wrote it. */
    public record Result(Instant at, boolean agreed, Map<String, ObjectReconciliation> objects, Path folder) {}

    private final MappingCatalog mappings;
    private final TargetSchema schema;
    private final boolean compareFields;
    private final Ledger ledger;
    private final TargetQueries target;
    private final BulkQueries bulkQueries;
    private final FieldSample sample;
    private final ContentChecksums checksums;
    private final long bulkThreshold;
    private final String targetKind;
    private final ObjectMapper json;
    private final Path dataDir;
    private final boolean afterRun;
    private final boolean reverseSync;
    /** The runs whose reconciliation did not agree, or could not be made: a one-shot run exits 2 for them. */
    private final Set<String> disagreed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Reconciliation(MappingCatalog mappings, TargetSchema schema, Ledger ledger, TargetQueries target,
            BulkQueries bulkQueries, ObjectMapper json, ContentChecksums checksums,
            ReconcileConfig settings,
            @ConfigProperty(name = "cutover.target.kind") String targetKind,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir,
            @ConfigProperty(name = "cutover.reverse-sync.enabled") boolean reverseSync) {
        this.afterRun = settings.afterRun();
        this.reverseSync = reverseSync;
        this.dataDir = dataDir;
        this.mappings = mappings;
        this.schema = schema;
        this.compareFields = settings.fields();
        this.ledger = ledger;
        this.target = target;
        this.bulkQueries = bulkQueries;
        this.checksums = checksums;
        this.sample = FieldSample.parse(settings.sample());
        this.bulkThreshold = settings.bulkThreshold();
        this.targetKind = targetKind;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Whether the run just loaded is to be reconciled: {@code cutover.reconcile.after-run}, a Salesforce target, and a
     * run that loads (not a dry run, nor a sync cycle: the final delta proves the sync) and was not asked to stop half
     * way.
     */
    public boolean dueAfterRun(@ExchangeProperty("runKind") String runKind,
            @ExchangeProperty(Runs.STOP_REQUESTED) AtomicBoolean stopRequested) {
        return afterRun && "salesforce".equals(targetKind) && !"dry-run".equals(runKind) && !"sync".equals(runKind)
                && (stopRequested == null || !stopRequested.get());
    }

    /**
     * After a run: its objects reconciled into its folder, {@code runs/<run-id>/}. A reconciliation that cannot be made
     * (the target does not answer) leaves the run's proof missing: it is logged, and counts as not agreed.
     */
    public void afterRun(@ExchangeProperty("runId") String runId,
            @ExchangeProperty("plannedObjects") List<String> objects) {
        try {
            if (!reconcile(objects, runId, dataDir.resolve("runs").resolve(runId)).agreed()) {
                disagreed.add(runId);
            }
        } catch (RuntimeException e) {
            disagreed.add(runId);
            LOG.error("Run " + runId + " could not be reconciled with the target: " + e.getMessage(), e);
        }
    }

    /** Whether the run was reconciled after it ended and the target and the ledger agreed (true when not reconciled). */
    public boolean agreedAfter(String runId) {
        return !disagreed.contains(runId);
    }

    /** The objects reconciled into {@code folder}; calls to the target are counted against {@code runId}. */
    public Result reconcile(List<String> objects, String runId, Path folder) {
        if (!"salesforce".equals(targetKind)) {
            throw new IllegalStateException("Reconciliation reads a Salesforce target; cutover.target.kind is " + targetKind);
        }
        Map<String, ObjectReconciliation> reconciled = new LinkedHashMap<>();
        for (String object : objects) {
            reconciled.put(object, object(object, runId));
        }
        boolean agreed = reconciled.values().stream().allMatch(ObjectReconciliation::agreed);
        Result result = new Result(Instant.now(), agreed, reconciled, folder);
        write(result);
        reconciled.values().forEach(o -> {
            String line = String.format("Reconciliation %s: ledger %d, target %d, %d differences", o.object(),
                    o.ledger(), o.target(), o.differences().size());
            if (o.agreed()) {
                LOG.info(line);
            } else {
                LOG.errorf("%s: see %s", line, folder.resolve("reconciliation").resolve(o.object() + ".csv"));
            }
        });
        return result;
    }

    private ObjectReconciliation object(String object, String runId) {
        ObjectMapping mapping = mappings.forObject(object);
        String externalId = mapping.externalIdField();
        String sobject = mapping.object();
        long inLedger = ledger.countInTarget(object);
        long[] inTarget = {0};
        pages("SELECT COUNT() FROM " + sobject + " WHERE " + externalId + " != null", runId, object,
                page -> inTarget[0] = page.path("totalSize").asLong());
        // equal counts can hide a record deleted and another created: every record is compared, a page at a time
        List<Difference> differences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, FieldDescribe> fields = compareFields ? comparedFields(mapping) : Map.of();
        List<String> parentFields = parentFields(mapping);
        Set<String> read = new java.util.TreeSet<>(parentFields);
        // uploaded files and notes: each one's content, as the target's checksum of it
        boolean content = checksums.covers(mapping);
        if (content) {
            read.add("Checksum");
            read.add("PathOnClient");
        }
        if (!fields.isEmpty()) {
            read.add("SystemModstamp");
            read.addAll(fields.keySet());
        }
        String selected = read.isEmpty() ? "" : ", " + String.join(", ", read);
        java.util.function.Predicate<String> sampled = sample.among(inTarget[0]);
        long[] compared = {0};
        boolean bulk = inTarget[0] >= bulkThreshold;
        read("SELECT Id, " + externalId + selected + " FROM " + sobject + " WHERE " + externalId + " != null", bulk,
                runId, object, page -> {
            List<String> legacyIds = new ArrayList<>();
            Map<String, JsonNode> records = new LinkedHashMap<>();
            for (JsonNode record : page.path("records")) {
                String legacyId = record.path(externalId).asText();
                legacyIds.add(legacyId);
                records.put(legacyId, record);
            }
            Map<String, Ledger.Entry> entries = ledger.entries(object, legacyIds);
            Set<String> inSample = fields.isEmpty() ? Set.of()
                    : legacyIds.stream().filter(sampled).collect(java.util.stream.Collectors.toSet());
            // an orphan is told from a record without a parent by the value sent: read for every record then
            List<String> sentWanted = content ? legacyIds
                    : parentFields.isEmpty() ? List.copyOf(inSample) : fields.isEmpty() ? List.of() : legacyIds;
            Map<String, Ledger.Sent> sent = sentWanted.isEmpty() ? Map.of() : ledger.sent(object, sentWanted);
            records.forEach((legacyId, record) -> {
                String targetId = record.path("Id").asText();
                seen.add(legacyId);
                Ledger.Entry entry = entries.get(legacyId);
                if (entry == null || entry.targetId() == null) {
                    differences.add(new Difference(legacyId, targetId, "IN_TARGET_NOT_IN_LEDGER"));
                } else if (!sameId(entry.targetId(), targetId)) {
                    differences.add(new Difference(legacyId, targetId, "TARGET_ID_DIFFERS: the ledger has "
                            + entry.targetId()));
                } else if (!sent.containsKey(legacyId)) {
                    differences.addAll(orphans(parentFields, legacyId, record, null));
                    if (content) {
                        checksums.compare(legacyId, record, null).ifPresent(differences::add);
                    }
                } else {
                    Map<String, Object> values = values(sent.get(legacyId));
                    if (inSample.contains(legacyId)) {
                        compared[0]++;
                        differences.addAll(fieldDifferences(fields, legacyId, record, sent.get(legacyId), values));
                    }
                    differences.addAll(orphans(parentFields, legacyId, record, values));
                    if (content) {
                        checksums.compare(legacyId, record, values).ifPresent(differences::add);
                    }
                }
            });
        });
        String after = "";
        for (List<Ledger.InTarget> chunk = ledger.inTargetAfter(object, after, LEDGER_PAGE); !chunk.isEmpty();
                chunk = ledger.inTargetAfter(object, after, LEDGER_PAGE)) {
            for (Ledger.InTarget record : chunk) {
                if (!seen.contains(record.legacyId())) {
                    differences.add(new Difference(record.legacyId(), record.targetId(), "IN_LEDGER_NOT_IN_TARGET"));
                }
            }
            after = chunk.get(chunk.size() - 1).legacyId();
        }
        return new ObjectReconciliation(object, inLedger, inTarget[0], differences, reverseSync, compared[0], bulk);
    }

    /**
     * The mapped fields the target can be asked for (in its schema; not the external id, which the query matches on):
     * each is compared with the value sent.
     */
    private Map<String, FieldDescribe> comparedFields(ObjectMapping mapping) {
        Map<String, FieldDescribe> fields = new java.util.TreeMap<>();
        schema.find(mapping.object()).ifPresent(describe -> mapping.fields().keySet().stream()
                .filter(field -> !field.equals(mapping.externalIdField()))
                // a base64 field (a file's VersionData) is not read by a query of many records: its checksum is
                .filter(field -> describe.field(field).filter(found -> "base64".equals(found.type())).isEmpty())
                .forEach(field -> describe.field(field).ifPresent(found -> fields.put(field, found))));
        return fields;
    }

    /** The fields the mapping fills with a parent's target id (a Contact's AccountId), those the target has. */
    private List<String> parentFields(ObjectMapping mapping) {
        return schema.find(mapping.object()).map(describe -> mapping.fields().entrySet().stream()
                .filter(field -> field.getValue() instanceof FieldRule.Parent)
                .map(Map.Entry::getKey).filter(field -> describe.field(field).isPresent()).sorted().toList())
                .orElse(List.of());
    }

    /**
     * A migrated child whose parent reference is empty in the target: the mapping gives it a parent, and the target
     * holds it without the one it was sent with (emptied since). Without the values sent ({@code sent} null) every
     * empty reference is one: a legacy record without a parent cannot be told apart then.
     */
    private static List<Difference> orphans(List<String> parentFields, String legacyId, JsonNode record,
            Map<String, Object> sent) {
        List<Difference> orphans = new ArrayList<>();
        for (String field : parentFields) {
            JsonNode parent = record.get(field);
            boolean empty = parent == null || parent.isNull() || parent.asText().isEmpty();
            // a value sent empty: the legacy record named no parent, or its parent never reached the target, which
            // the run's outcome already warned about
            boolean sentEmpty = sent != null && (sent.get(field) == null || sent.get(field).toString().isEmpty());
            if (empty && !sentEmpty) {
                orphans.add(new Difference(legacyId, record.path("Id").asText(), ORPHAN, field,
                        sent == null ? null : sent.get(field).toString(), null));
            }
        }
        return orphans;
    }

    /**
     * A record's fields whose stored value is not the value sent: {@code FIELD_DIFFERS} (the target stored another
     * value: a trigger, a rule, a type that changed it), or {@code CHANGED_IN_TARGET} when the target's record changed
     * after Cutover's write (someone edited it since).
     */
    private List<Difference> fieldDifferences(Map<String, FieldDescribe> fields, String legacyId, JsonNode record,
            Ledger.Sent sent, Map<String, Object> values) {
        if (values == null) {
            return List.of();
        }
        boolean changedSince = modstamp(record).map(at -> at.isAfter(sent.at())).orElse(false);
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, FieldDescribe> compared : fields.entrySet()) {
            String field = compared.getKey();
            if (!values.containsKey(field)) {
                continue;
            }
            Object expected = values.get(field);
            JsonNode found = record.get(field);
            if (!StoredValues.same(compared.getValue(), expected, found)) {
                differences.add(new Difference(legacyId, record.path("Id").asText(),
                        changedSince ? CHANGED_IN_TARGET : "FIELD_DIFFERS", field,
                        expected == null ? "" : expected.toString(),
                        found == null || found.isNull() ? "" : found.asText()));
            }
        }
        return differences;
    }

    /** The values a record was sent with, as the ledger keeps them; null when they cannot be read. */
    private Map<String, Object> values(Ledger.Sent sent) {
        try {
            return json.readValue(sent.values(), new com.fasterxml.jackson.core.type.TypeReference<
                    LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            return null;
        }
    }

    private static java.util.Optional<Instant> modstamp(JsonNode record) {
        String at = record.path("SystemModstamp").asText("");
        try {
            return at.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(StoredValues.instant(at));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Salesforce ids compare by their first 15 characters: the 18-character form adds a case checksum. */
    private static boolean sameId(String one, String other) {
        return one.length() >= 15 && other.length() >= 15 && one.substring(0, 15).equals(other.substring(0, 15));
    }

    /** The query's records, through a Bulk API 2.0 query job for an object at or above the threshold. */
    private void read(String soql, boolean bulk, String runId, String object, java.util.function.Consumer<JsonNode> page) {
        if (!bulk) {
            pages(soql, runId, object, page);
            return;
        }
        try {
            bulkQueries.forEachPage(soql, runId, object, page);
        } catch (IOException e) {
            throw new UncheckedIOException("The target's answer to the bulk query " + soql + " cannot be read", e);
        }
    }

    private void pages(String soql, String runId, String object, java.util.function.Consumer<JsonNode> page) {
        try {
            target.forEachPage(soql, runId, object, page);
        } catch (IOException e) {
            throw new UncheckedIOException("The target's answer to " + soql + " is not JSON", e);
        }
    }

    private void write(Result result) {
        try {
            Files.createDirectories(result.folder());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("at", result.at().toString());
            summary.put("agreed", result.agreed());
            Map<String, Object> objects = new LinkedHashMap<>();
            for (ObjectReconciliation o : result.objects().values()) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("ledger", o.ledger());
                counts.put("target", o.target());
                counts.put("agreed", o.agreed());
                counts.put("differences", o.differences().size());
                counts.put("orphans", o.orphans());
                counts.put("fieldsCompared", o.fieldsCompared());
                counts.put("readThrough", o.bulk() ? "bulk2Query" : "query");
                objects.put(o.object(), counts);
                if (!o.differences().isEmpty()) {
                    writeDifferences(result.folder().resolve("reconciliation"), o);
                }
            }
            summary.put("objects", objects);
            json.writeValue(result.folder().resolve("reconciliation.json").toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reconciliation into " + result.folder(), e);
        }
    }

    private static void writeDifferences(Path folder, ObjectReconciliation o) throws IOException {
        Files.createDirectories(folder);
        try (Writer text = Files.newBufferedWriter(folder.resolve(o.object() + ".csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            csv.printRecord("legacy_id", "target_id", "problem", "field", "expected", "found");
            for (Difference difference : o.differences()) {
                csv.printRecord(difference.legacyId(), difference.targetId(), difference.problem(), difference.field(),
                        difference.expected(), difference.found());
            }
        }
    }
}
