package io.cutover.reverse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.Backoff;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.report.ConflictsFile;
import io.cutover.source.RestExportException;
import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceRecord;
import io.cutover.state.ReverseLedger;
import io.cutover.state.SyncConflicts;
import io.cutover.state.TargetChanges;
import io.cutover.state.WatermarkOrder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.jboss.logging.Logger;

/**
 * Applies the target changes received to the legacy CRM (routes/reverse-sync.yaml), in the order they happened, a batch
 * at a time: the ledger and the parents' legacy ids looked up once per batch, then one write per change, then the
 * outcomes and the ledger recorded in one transaction each.
 *
 * <p>Not sent back: a change Cutover made itself (its origin names Cutover's client), and a change whose values the
 * legacy CRM holds already (a flow's echo of Cutover's write, or a field that is not written back). A record changed
 * in the legacy CRM too since the two were last in step is a conflict, decided by the object's policy.
 */
@Singleton
@Named("targetChangeApplier")
public class TargetChangeApplier {

    private static final Logger LOG = Logger.getLogger(TargetChangeApplier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLIED = "applied";
    private static final String SKIPPED = "skipped";
    private static final String REJECTED = "rejected";

    private final TargetChanges changes;
    private final ReverseLedger ledger;
    private final SyncConflicts conflicts;
    private final ReverseMappings mappings;
    private final ReverseSettings settings;
    private final LegacyRecords legacy;
    private final RecordMapper mapper;
    private final SourceCatalog sources;
    private final TargetSweep sweep;
    private final ReverseMetrics metrics;
    private final ConflictsFile conflictsFile;
    private final boolean cdc;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    /**
     * The versions of legacy records this batch wrote, by object and legacy id: a later change of the same record in the
     * batch is in step with them (the ledger records them only when the batch ends). One batch at a time (the route's
     * timer is synchronous), so a field.
     */
    private final Map<String, String> writtenInBatch = new HashMap<>();
    private boolean conflictsInBatch;

    TargetChangeApplier(TargetChanges changes, ReverseLedger ledger, SyncConflicts conflicts, ReverseMappings mappings,
            ReverseSettings settings, LegacyRecords legacy, RecordMapper mapper, SourceCatalog sources, TargetSweep sweep,
            ReverseMetrics metrics, ConflictsFile conflictsFile,
            ReverseSyncConfig reverseSync) {
        this.conflictsFile = conflictsFile;
        this.changes = changes;
        this.ledger = ledger;
        this.conflicts = conflicts;
        this.mappings = mappings;
        this.settings = settings;
        this.legacy = legacy;
        this.mapper = mapper;
        this.sources = sources;
        this.sweep = sweep;
        this.metrics = metrics;
        this.cdc = reverseSync.cdc();
    }

    /** The changes due, oldest first, at most a batch. */
    public List<TargetChanges.Stored> due() {
        return changes.due(settings.batchSize());
    }

    /**
     * What to write for each change: Cutover's own changes are skipped; the others find their legacy record (and their
     * parents' legacy ids) in the ledger, one query per object and batch.
     */
    public List<WriteBack> plan(@Body List<TargetChanges.Stored> due) {
        writtenInBatch.clear();
        conflictsInBatch = false;
        Map<String, List<String>> idsByObject = new LinkedHashMap<>();
        for (TargetChanges.Stored stored : due) {
            TargetChanges.Change change = stored.change();
            idsByObject.computeIfAbsent(change.object(), object -> new ArrayList<>()).add(change.targetId());
            ReverseMapping mapping = mappings.forObject(change.object());
            Map<String, Object> values = ReverseMapping.flat(change.values());
            mapping.parents().forEach((field, parent) -> {
                Object parentId = values.get(field);
                if (parentId != null) {
                    idsByObject.computeIfAbsent(parent.parentObject(), object -> new ArrayList<>()).add(parentId.toString());
                }
            });
        }
        Map<String, Map<String, ReverseLedger.Linked>> linked = new HashMap<>();
        idsByObject.forEach((object, ids) -> linked.put(object, ledger.byTargetIds(object, ids.stream().distinct().toList())));
        Map<String, Instant> newestWritten = new HashMap<>();
        due.stream().map(stored -> stored.change().object()).distinct().forEach(object -> changes.latestApplied(object,
                due.stream().map(TargetChanges.Stored::change).filter(change -> change.object().equals(object))
                        .map(TargetChanges.Change::targetId).distinct().toList())
                .forEach((targetId, at) -> newestWritten.put(object + "/" + targetId, at)));
        List<WriteBack> plans = new ArrayList<>();
        for (TargetChanges.Stored stored : due) {
            WriteBack plan = stale(stored, newestWritten).orElseGet(() -> plan(stored, linked));
            if (plan.action() != null && !plan.isDecided()) {
                newestWritten.merge(stored.change().object() + "/" + stored.change().targetId(),
                        stored.change().commitTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
            plans.add(plan);
        }
        return plans;
    }

    /**
     * A change committed no later than one of the same record that reached the legacy CRM already: older (a sweep read
     * the record's latest version before the events of its earlier edits arrived), writing it would put an older value
     * back; of the same commit (an event and the sweep's read of the same version), it is that change again.
     */
    private static Optional<WriteBack> stale(TargetChanges.Stored stored, Map<String, Instant> newestWritten) {
        TargetChanges.Change change = stored.change();
        Instant written = newestWritten.get(change.object() + "/" + change.targetId());
        if (written == null || written.isBefore(change.commitTime())) {
            return Optional.empty();
        }
        return Optional.of(WriteBack.decided(stored, SKIPPED, "STALE_CHANGE", "committed at " + change.commitTime()
                + (written.equals(change.commitTime()) ? ", the version the legacy CRM holds already"
                        : ", before the change of " + written + " that the legacy CRM holds already")));
    }

    private WriteBack plan(TargetChanges.Stored stored, Map<String, Map<String, ReverseLedger.Linked>> linked) {
        TargetChanges.Change change = stored.change();
        if (isOwnWrite(change)) {
            return WriteBack.decided(stored, SKIPPED, "ECHO", "made by Cutover itself (change origin " + change.changeOrigin() + ")");
        }
        ReverseMapping mapping = mappings.forObject(change.object());
        ReverseLedger.Linked link = linked.getOrDefault(change.object(), Map.of()).get(change.targetId());
        if (link != null && "deleted".equals(link.outcome())) {
            link = null;
        }
        switch (change.changeType()) {
            case "DELETE", "GAP_DELETE" -> {
                if (link == null) {
                    return WriteBack.decided(stored, SKIPPED, "NOT_IN_LEDGER", "deleted in the target; no legacy record "
                            + "is linked to " + change.targetId());
                }
                if (legacy.writingTo(change.object(), link.legacyId()).isEmpty()) {
                    return noSourceOwns(stored, link);
                }
                return new WriteBack(stored, WriteBack.Action.DELETE, Map.of(), Map.of(), link);
            }
            case "CREATE", "UPDATE", "UNDELETE", "SWEEP" -> {
                Optional<RestSource> writingTo = legacy.writingTo(change.object(), link == null ? null : link.legacyId());
                if (writingTo.isEmpty()) {
                    return noSourceOwns(stored, link);
                }
                Map<String, Object> values = ReverseMapping.flat(change.values());
                boolean whole = link == null || change.changedFields().isEmpty();
                List<String> fields = whole ? changedSinceInStep(values, link)
                        : change.changedFields().stream().map(ReverseMapping::flatName).toList();
                Map<String, String> legacyValues = new LinkedHashMap<>(mapping.legacyValues(values, fields));
                Map<String, Object> targetValues = new LinkedHashMap<>();
                fields.stream().filter(field -> values.containsKey(field)
                        && (mapping.fields().containsKey(field) || mapping.parents().containsKey(field)))
                        .forEach(field -> targetValues.put(field, values.get(field)));
                for (Map.Entry<String, ReverseMapping.ParentBack> parent : mapping.parents().entrySet()) {
                    if (!fields.contains(parent.getKey())) {
                        continue;
                    }
                    Object parentId = values.get(parent.getKey());
                    ReverseLedger.Linked parentLink = parentId == null ? null
                            : linked.getOrDefault(parent.getValue().parentObject(), Map.of()).get(parentId.toString());
                    if (parentId != null && parentLink == null) {
                        WriteBack waiting = new WriteBack(stored, null, Map.of(), Map.of(), link);
                        retry(waiting, "PARENT_NOT_IN_LEGACY", "its " + parent.getKey() + " " + parentId + " is not linked "
                                + "to a legacy " + parent.getValue().parentObject() + " yet");
                        return waiting;
                    }
                    String parentValue = parentLink == null ? null : sources.parentValue(
                            writingTo.get().source().orElse(null), parent.getValue().parentObject(), parentLink.legacyId());
                    if (parentLink != null && parentValue == null) {
                        return WriteBack.decided(stored, REJECTED, "PARENT_IN_OTHER_SOURCE", "its " + parent.getKey()
                                + " " + parentId + " is the legacy record " + parentLink.legacyId() + " of another system "
                                + "than " + writingTo.get().name() + ", where the record is written");
                    }
                    legacyValues.put(parent.getValue().column(), parentValue);
                }
                if (link == null && values.get(mapping.externalIdField()) != null) {
                    // migrated from the legacy CRM: the ledger links it once the load that made it has recorded it
                    WriteBack waiting = new WriteBack(stored, null, Map.of(), Map.of(), null);
                    retry(waiting, "NOT_LINKED_YET", "its " + mapping.externalIdField() + " is "
                            + values.get(mapping.externalIdField()) + " but the ledger links no legacy record to it yet");
                    return waiting;
                }
                if (legacyValues.isEmpty() && whole && link != null) {
                    return WriteBack.decided(stored, SKIPPED, "IN_STEP", "the target's record holds the values both "
                            + "sides last agreed on in every field written back");
                }
                if (legacyValues.isEmpty()) {
                    return WriteBack.decided(stored, SKIPPED, "NOT_WRITTEN_BACK", "no field of the change is written "
                            + "back (changed: " + fields + ")");
                }
                return new WriteBack(stored, link == null ? WriteBack.Action.CREATE : WriteBack.Action.UPDATE,
                        targetValues, legacyValues, link);
            }
            default -> {
                // GAP_CREATE, GAP_UPDATE, GAP_UNDELETE, GAP_OVERFLOW: the org could not send the values
                sweep.catchUp(change.object(), change.commitTime());
                return WriteBack.decided(stored, SKIPPED, "GAP", "a " + change.changeType() + " event carries no values;"
                        + " a sweep reads the records changed since " + change.commitTime());
            }
        }
    }

    /**
     * A change of a record that no REST source of its object owns: its legacy id's namespace names none (a source
     * renamed or removed since it was loaded).
     */
    private WriteBack noSourceOwns(TargetChanges.Stored stored, ReverseLedger.Linked link) {
        String object = stored.change().object();
        return WriteBack.decided(stored, REJECTED, "NO_LEGACY_SOURCE", link == null
                ? "created in the target, and no REST source of " + object + " has rest.writeBack.create"
                : "no REST source of " + object + " " + sources.sourceNames(object) + " owns its legacy id "
                        + link.legacyId());
    }

    /**
     * The fields of a whole record read by the sweep that the target changed: those differing from the values both
     * sides last agreed on. Without this, a field the legacy CRM changed since (its change on its way to the target)
     * would look like a target change and be written back over the legacy edit. All fields when the ledger has no agreed
     * values (a record not linked yet, or loaded before the reverse sync was on); a parent whose agreed value is not
     * kept (the reverse sync recorded it) counts as changed.
     */
    private static List<String> changedSinceInStep(Map<String, Object> values, ReverseLedger.Linked link) {
        Map<String, Object> inStep = inStepValues(link);
        if (inStep == null) {
            return List.copyOf(values.keySet());
        }
        return values.keySet().stream().filter(field -> !inStep.containsKey(field)
                || !SameValue.test(values.get(field), inStep.get(field))).toList();
    }

    /** One change to the legacy CRM: after the conflict check, its write; a passing failure waits for another attempt. */
    public WriteBack apply(@Body WriteBack writeBack) {
        if (writeBack.isDecided()) {
            return writeBack;
        }
        TargetChanges.Change change = writeBack.change();
        try {
            switch (writeBack.action()) {
                case CREATE -> create(writeBack);
                case UPDATE -> update(writeBack);
                case DELETE -> delete(writeBack);
            }
        } catch (LegacyRecords.Refused refused) {
            writeBack.end(REJECTED, "HTTP_" + refused.status(), change.object() + " " + change.targetId() + ": "
                    + refused.getMessage());
        } catch (RestExportException unreachable) {
            retry(writeBack, "LEGACY_UNREACHABLE", unreachable.getMessage());
        }
        return writeBack;
    }

    private void create(WriteBack writeBack) {
        String object = writeBack.change().object();
        Map<String, String> created = legacy.create(object, writeBack.values());
        String legacyId = legacy.createdId(object, created);
        if (legacyId == null) {
            writeBack.end(REJECTED, "LEGACY_ID_MISSING", "the legacy CRM created " + object + " for "
                    + writeBack.change().targetId() + " but its answer has no " + legacy.idColumn(object) + ": " + created);
            return;
        }
        writeBack.applied(legacyId, "CREATED", "created in the legacy CRM as " + legacyId,
                written(ReverseLedger.Kind.CREATED, writeBack, legacyId, created));
    }

    private void update(WriteBack writeBack) {
        String object = writeBack.change().object();
        String legacyId = writeBack.legacyId();
        Optional<Map<String, String>> current = legacy.read(object, legacyId)
                .filter(record -> !deleted(object, legacyId, record));
        if (current.isEmpty()) {
            writeBack.end(SKIPPED, "LEGACY_DELETED", object + " " + legacyId + " is no longer in the legacy CRM");
            return;
        }
        Map<String, Object> legacyMapped = forwardMapped(object, legacyId, current.get());
        Map<String, String> differing = differing(writeBack, legacyMapped, current.get());
        if (differing.isEmpty()) {
            writeBack.end(SKIPPED, "NO_CHANGE", "the legacy CRM holds these values already: "
                    + writeBack.targetValues().keySet());
            return;
        }
        boolean conflict = changedInLegacy(writeBack, current.get());
        if (conflict) {
            Optional<Map<String, String>> won = conflictDecision(writeBack, current.get(), legacyMapped, differing);
            if (won.isEmpty()) {
                return;
            }
            differing = won.get();
        }
        Map<String, String> updated = legacy.update(object, legacyId, differing);
        // after a conflict the ledger keeps the last content both sides agreed on, so that the legacy record as the
        // write left it (its own change, the target's fields written into it) reaches the target; but it takes the
        // version written, so that the legacy change the conflict was about, still waiting in the sync queue with its
        // values from before the write, is older than the legacy CRM's record and never written over the target's.
        // Both sides now agree on the fields written: the agreed values take them, and the legacy CRM's own changes
        // stay changes (a later sweep of the target record does not take their old target values for target edits)
        ReverseLedger.Written written = conflict
                ? new ReverseLedger.Written(ReverseLedger.Kind.UPDATED, object, legacyId, writeBack.change().targetId(),
                        null, marker(object, legacyId, updated), agreedAfter(writeBack, differing.keySet()))
                : written(ReverseLedger.Kind.UPDATED, writeBack, legacyId, updated);
        writtenInBatch.put(object + "/" + legacyId, written.sourceModified());
        writeBack.applied(legacyId, "UPDATED", "updated in the legacy CRM: " + differing.keySet(), written);
    }

    private void delete(WriteBack writeBack) {
        String object = writeBack.change().object();
        String legacyId = writeBack.legacyId();
        Optional<Map<String, String>> current = legacy.read(object, legacyId)
                .filter(record -> !deleted(object, legacyId, record));
        if (current.isEmpty()) {
            writeBack.end(SKIPPED, "LEGACY_DELETED", object + " " + legacyId + " is no longer in the legacy CRM");
            return;
        }
        if (changedInLegacy(writeBack, current.get())
                && conflictDecision(writeBack, current.get(), null, Map.of()).isEmpty()) {
            return;
        }
        legacy.delete(object, legacyId);
        Map<String, String> gone = legacy.read(object, legacyId).orElse(Map.of());
        writeBack.applied(legacyId, "DELETED", "deleted in the legacy CRM",
                new ReverseLedger.Written(ReverseLedger.Kind.DELETED, object, legacyId, writeBack.change().targetId(),
                        null, marker(object, legacyId, gone), null));
    }

    /**
     * The conflict's decision, recorded with both versions: the legacy columns to write when the target's change (or,
     * merged, part of it) is to be written; otherwise empty, and the change ends skipped (the legacy version wins) or
     * held. A deletion ({@code legacyMapped} null) cannot be merged: the newer change wins.
     */
    private Optional<Map<String, String>> conflictDecision(WriteBack writeBack, Map<String, String> current,
            Map<String, Object> legacyMapped, Map<String, String> differing) {
        TargetChanges.Change change = writeBack.change();
        Optional<String> decided = conflicts.decided(writeBack.stored().seq());
        if (decided.isPresent()) {
            if ("target".equals(decided.get())) {
                return Optional.of(differing);
            }
            writeBack.end(SKIPPED, "CONFLICT_LEGACY_WINS", "resolved for the legacy CRM's version");
            return Optional.empty();
        }
        ConflictPolicy policy = settings.conflicts(change.object());
        boolean targetNewer = legacyChangedAt(change.object(), writeBack.legacyId(), current)
                .filter(at -> at.isAfter(change.commitTime())).isEmpty();
        Optional<Merge> merge = policy == ConflictPolicy.MERGE && legacyMapped != null
                ? merge(writeBack, legacyMapped, differing, targetNewer) : Optional.empty();
        String decision = switch (policy) {
            case TARGET_WINS -> "target";
            case LEGACY_WINS -> "legacy";
            case HOLD -> SyncConflicts.HELD;
            case NEWEST_WINS -> targetNewer ? "target" : "legacy";
            case MERGE -> merge.map(Merge::decision).orElse(targetNewer ? "target" : "legacy");
        };
        long id = conflicts.record(change.object(), writeBack.legacyId(), change.targetId(), writeBack.stored().seq(),
                policy.value(), decision, json(change.values()), json(current));
        conflictsInBatch = true;
        LOG.infof("Conflict %d: %s %s (target %s) changed on both sides; %s: %s", id, change.object(),
                writeBack.legacyId(), change.targetId(), policy.value(), decision);
        switch (decision) {
            case "target" -> {
                return Optional.of(differing);
            }
            case "merged" -> {
                LOG.infof("Conflict %d merged: %s", id, merge.orElseThrow().summary());
                return Optional.of(merge.get().toWrite());
            }
            case "legacy" -> writeBack.end(SKIPPED, "CONFLICT_LEGACY_WINS", "conflict " + id + ": changed in the legacy "
                    + "CRM too; " + policy.value() + " keeps the legacy version"
                    + merge.map(kept -> " (" + kept.summary() + ")").orElse(""));
            default -> writeBack.end(SyncConflicts.HELD, "CONFLICT_HELD", "conflict " + id + ": changed in the legacy CRM "
                    + "too; held for review (POST /sync/conflicts/" + id + ")");
        }
        return Optional.empty();
    }

    /** A field-level merge: the legacy columns the target's change writes, and what went which way. */
    private record Merge(Map<String, String> toWrite, List<String> targetFields, List<String> legacyFields) {
        String decision() {
            return toWrite.isEmpty() ? "legacy" : "merged";
        }

        String summary() {
            return "the target's " + targetFields + " written, the legacy CRM's " + legacyFields + " kept";
        }
    }

    /**
     * Each field the target's change would write, against the values both sides last agreed on (the ledger's, with the
     * reverse sync on): changed in the target only, it is written; changed on both sides, the newer change has it; a
     * field the legacy CRM changed alone is not written, and reaches the target by the forward sync.
     * Empty without the agreed values (a record last loaded before the reverse sync was on): the newer change wins.
     */
    private Optional<Merge> merge(WriteBack writeBack, Map<String, Object> legacyMapped, Map<String, String> differing,
            boolean targetNewer) {
        Map<String, Object> inStep = inStepValues(writeBack.linked());
        if (inStep == null) {
            return Optional.empty();
        }
        ReverseMapping mapping = mappings.forObject(writeBack.change().object());
        Map<String, String> toWrite = new LinkedHashMap<>();
        List<String> targetFields = new ArrayList<>();
        List<String> legacyFields = new ArrayList<>();
        writeBack.targetValues().forEach((field, value) -> {
            ReverseMapping.FieldBack back = mapping.fields().get(field);
            String column = back != null ? back.column() : mapping.parents().get(field).column();
            if (!differing.containsKey(column)) {
                return;
            }
            // a parent's agreed value is the legacy id it pointed to, not comparable with a target id: the newer wins
            boolean legacyChanged = back == null || !SameValue.test(legacyMapped.get(field), inStep.get(field));
            // events list the fields they changed; a sweep's whole record is compared with the agreed values
            boolean targetChanged = back == null || !writeBack.change().changedFields().isEmpty()
                    || !SameValue.test(value, inStep.get(field));
            if (!targetChanged) {
                legacyFields.add(field);
            } else if (!legacyChanged || targetNewer) {
                toWrite.put(column, differing.get(column));
                targetFields.add(field);
            } else {
                legacyFields.add(field);
            }
        });
        return Optional.of(new Merge(toWrite, targetFields, legacyFields));
    }

    /** The agreed values with the target's values of the columns just written into the legacy record; null if none. */
    private String agreedAfter(WriteBack writeBack, Set<String> columnsWritten) {
        Map<String, Object> agreed = inStepValues(writeBack.linked());
        if (agreed == null) {
            return null;
        }
        ReverseMapping mapping = mappings.forObject(writeBack.change().object());
        writeBack.targetValues().forEach((field, value) -> {
            ReverseMapping.FieldBack back = mapping.fields().get(field);
            String column = back != null ? back.column() : mapping.parents().get(field).column();
            if (columnsWritten.contains(column)) {
                agreed.put(field, value);
            }
        });
        return json(agreed);
    }

    private static Map<String, Object> inStepValues(ReverseLedger.Linked linked) {
        if (linked == null || linked.inStepValues() == null) {
            return null;
        }
        try {
            return JSON.readValue(linked.inStepValues(), new com.fasterxml.jackson.core.type.TypeReference<
                    LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The change for the target record created in the legacy CRM: its new legacy id, in its external id field. */
    public String linkBody(@Body WriteBack writeBack) {
        return json(Map.of(mappings.forObject(writeBack.change().object()).externalIdField(), writeBack.legacyId()));
    }

    /**
     * The legacy columns to write: those of the target fields whose value the legacy record does not give already, as
     * the forward mapping maps it (a phone kept as the legacy CRM wrote it and loaded in E.164 is the same phone).
     */
    private Map<String, String> differing(WriteBack writeBack, Map<String, Object> mapped, Map<String, String> current) {
        ReverseMapping mapping = mappings.forObject(writeBack.change().object());
        Map<String, String> differing = new LinkedHashMap<>();
        writeBack.targetValues().forEach((field, value) -> {
            ReverseMapping.FieldBack back = mapping.fields().get(field);
            if (back != null) {
                if (!SameValue.test(value, mapped.get(field))) {
                    differing.put(back.column(), writeBack.values().get(back.column()));
                }
                return;
            }
            // a parent: the legacy id the target's reference leads to, against the one the legacy record names
            String column = mapping.parents().get(field).column();
            String parentLegacyId = writeBack.values().get(column);
            String named = current.get(column);
            if (!Objects.equals(parentLegacyId, named == null || named.isBlank() ? null : named.strip())) {
                differing.put(column, parentLegacyId);
            }
        });
        return differing;
    }

    /** The legacy record's values as the forward mapping gives them: what the target would hold of it. */
    private Map<String, Object> forwardMapped(String object, String legacyId, Map<String, String> record) {
        return mapper.map(source(object, legacyId, record), ReverseLedger.RUN).getFields();
    }

    /** The outcomes of the batch and the ledger's new versions, each in one transaction. */
    public void finish(@Body List<WriteBack> batch) {
        ledger.record(batch.stream().map(WriteBack::written).filter(Objects::nonNull).toList());
        changes.finish(batch.stream().map(WriteBack::result).filter(Objects::nonNull).toList());
        metrics.recorded(batch);
        if (conflictsInBatch) {
            conflictsFile.write();
        }
        if (cdc) {
            batch.stream().filter(writeBack -> "SWEEP".equals(writeBack.change().changeType()) && writeBack.result() != null
                    && APPLIED.equals(writeBack.result().status())).forEach(writeBack -> LOG.infof(
                    "The sweep repaired a change no event brought: %s %s (%s)", writeBack.change().object(),
                    writeBack.change().targetId(), writeBack.result().message()));
        }
    }

    /** The legacy record changed since it was last in step with the target: its version is later than the ledger's. */
    private boolean changedInLegacy(WriteBack writeBack, Map<String, String> current) {
        String inStep = writtenInBatch.getOrDefault(writeBack.change().object() + "/" + writeBack.legacyId(),
                writeBack.linked().sourceModified());
        String now = marker(writeBack.change().object(), writeBack.legacyId(), current);
        return inStep != null && now != null && WatermarkOrder.INSTANCE.compare(now, inStep) > 0;
    }

    private void retry(WriteBack writeBack, String reasonCode, String message) {
        int attempt = writeBack.stored().attempts() + 1;
        if (attempt >= settings.maxAttempts()) {
            writeBack.end(REJECTED, reasonCode, message + " (still so after " + attempt + " attempts)");
        } else {
            writeBack.retryAt(Instant.now().plus(backoff.after(attempt)), reasonCode, message);
        }
    }

    /**
     * What the ledger keeps of the legacy record as the write left it: the hash the forward mapping gives its values
     * (so that the forward sync finds the change the write made unchanged) and its version.
     */
    private ReverseLedger.Written written(ReverseLedger.Kind kind, WriteBack writeBack, String legacyId,
            Map<String, String> record) {
        String object = writeBack.change().object();
        PipelineRecord mapped = mapper.map(source(object, legacyId, record), ReverseLedger.RUN);
        return new ReverseLedger.Written(kind, object, legacyId, writeBack.change().targetId(), mapped.getContentHash(),
                marker(object, legacyId, record), json(mapped.getFields()));
    }

    private String marker(String object, String legacyId, Map<String, String> record) {
        return record.isEmpty() ? null : sources.changeMarker(source(object, legacyId, record)).orElse(null);
    }

    private boolean deleted(String object, String legacyId, Map<String, String> record) {
        return sources.deletes(source(object, legacyId, record));
    }

    private Optional<Instant> legacyChangedAt(String object, String legacyId, Map<String, String> record) {
        try {
            return Optional.ofNullable(marker(object, legacyId, record)).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The legacy CRM's answer as a record of the source that owns the legacy id, as that source's reads give it. */
    private SourceRecord source(String object, String legacyId, Map<String, String> record) {
        SourceRecord read = SourceRecord.fromPage(object, legacyId, "the legacy CRM's answer", 0, 0, 0, record);
        return sources.restSourceOf(object, legacyId).flatMap(RestSource::source).map(read::namespacedAlready)
                .orElse(read);
    }

    /** The origin names Cutover's client: {@code com/salesforce/api/rest/62.0;client=cutover}. */
    private boolean isOwnWrite(TargetChanges.Change change) {
        String origin = change.changeOrigin();
        return origin != null && java.util.Arrays.stream(origin.split("[;,]"))
                .anyMatch(part -> part.strip().equals("client=" + settings.clientName()));
    }

    private static String json(Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return String.valueOf(values);
        }
    }
}
