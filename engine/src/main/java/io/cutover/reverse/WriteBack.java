package io.cutover.reverse;

import io.cutover.state.ReverseLedger;
import io.cutover.state.TargetChanges;
import java.time.Instant;
import java.util.Map;

/**
 * One target change on its way to the legacy CRM (routes/reverse-sync.yaml): what to write there, then what became of
 * it. Decided changes (skipped, held, rejected, to retry) go no further.
 */
public class WriteBack {

    /** What the legacy CRM is asked to do. */
    public enum Action { CREATE, UPDATE, DELETE }

    private final TargetChanges.Stored stored;
    private final Action action;
    private final Map<String, String> values;
    private final Map<String, Object> targetValues;
    private final ReverseLedger.Linked linked;
    private String legacyId;
    private TargetChanges.Result result;
    private ReverseLedger.Written written;

    /**
     * @param targetValues the target's values of the fields the change may write back, by target field (an update
     *        writes those the legacy record does not map to the same value already)
     * @param values the legacy values of all of them, by legacy column
     */
    WriteBack(TargetChanges.Stored stored, Action action, Map<String, Object> targetValues, Map<String, String> values,
            ReverseLedger.Linked linked) {
        this.stored = stored;
        this.action = action;
        this.targetValues = targetValues;
        this.values = values;
        this.linked = linked;
        this.legacyId = linked == null ? null : linked.legacyId();
    }

    /** A change decided before any call: skipped for a reason, e.g. an echo of Cutover's own write. */
    static WriteBack decided(TargetChanges.Stored stored, String status, String reasonCode, String message) {
        WriteBack writeBack = new WriteBack(stored, null, Map.of(), Map.of(), null);
        writeBack.end(status, reasonCode, message);
        return writeBack;
    }

    public TargetChanges.Stored stored() {
        return stored;
    }

    public TargetChanges.Change change() {
        return stored.change();
    }

    public Action action() {
        return action;
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, Object> targetValues() {
        return targetValues;
    }

    public ReverseLedger.Linked linked() {
        return linked;
    }

    public String legacyId() {
        return legacyId;
    }

    public boolean isDecided() {
        return result != null;
    }

    /** True once the legacy CRM created a record for a record created in the target: the target record needs its id. */
    public boolean isCreatedInLegacy() {
        return written != null && written.kind() == ReverseLedger.Kind.CREATED;
    }

    public TargetChanges.Result result() {
        return result;
    }

    public ReverseLedger.Written written() {
        return written;
    }

    void end(String status, String reasonCode, String message) {
        result = new TargetChanges.Result(stored.seq(), status, reasonCode, message, legacyId, null);
    }

    void retryAt(Instant next, String reasonCode, String message) {
        result = new TargetChanges.Result(stored.seq(), TargetChanges.RECEIVED, reasonCode, message, legacyId, next);
    }

    void applied(String legacyId, String reasonCode, String message, ReverseLedger.Written written) {
        this.legacyId = legacyId;
        this.written = written;
        end("applied", reasonCode, message);
    }
}
