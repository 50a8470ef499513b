package io.cutover.reverse;

import io.cutover.report.ConflictsFile;
import io.cutover.state.SyncConflicts;
import io.cutover.state.SyncState;
import io.cutover.state.TargetChanges;
import io.cutover.sync.SyncControl;
import io.cutover.sync.SyncPhase;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The reverse sync's controls (docs/cutover.md): it applies target changes while it is on and the cutover is not
 * paused, before and after go-live (when the legacy CRM stays as a read-only mirror), until it is switched off; and the
 * conflicts held for review are resolved here. Changes keep being captured while it is paused or off.
 */
@Singleton
@Named("reverseSync")
public class ReverseControl {

    private static final Logger LOG = Logger.getLogger(ReverseControl.class);
    private static final String OFF = "off";

    /**
     * @param changes the changes received, by status and reason
     * @param appliedFromSweeps changes the SOQL sweep found and applied (with Change Data Capture: repaired)
     */
    public record Status(String phase, Map<String, Long> changes, long appliedFromSweeps, long conflictsHeld) {
    }

    private final ReverseSettings settings;
    private final SyncState state;
    private final SyncControl sync;
    private final TargetChanges changes;
    private final SyncConflicts conflicts;
    private final ConflictsFile conflictsFile;

    ReverseControl(ReverseSettings settings, SyncState state, SyncControl sync, TargetChanges changes,
            SyncConflicts conflicts, ConflictsFile conflictsFile) {
        this.conflictsFile = conflictsFile;
        this.settings = settings;
        this.state = state;
        this.sync = sync;
        this.changes = changes;
        this.conflicts = conflicts;
    }

    /** Whether target changes are applied to the legacy CRM now. */
    public boolean applying() {
        return settings.enabled() && !OFF.equals(state.reversePhase().orElse("on")) && sync.phase() != SyncPhase.PAUSED;
    }

    public void switchOff() {
        state.reversePhase(OFF);
        LOG.info("The reverse sync (target -> legacy) is switched off");
    }

    public void switchOn() {
        state.reversePhase("on");
        LOG.info("The reverse sync (target -> legacy) is switched on");
    }

    public Status status() {
        String phase = !settings.enabled() ? "disabled" : OFF.equals(state.reversePhase().orElse("on")) ? OFF
                : sync.phase() == SyncPhase.PAUSED ? SyncPhase.PAUSED.value() : "running";
        return new Status(phase, changes.counts(), changes.appliedFromSweeps(), conflicts.list(true).size());
    }

    public List<SyncConflicts.Conflict> conflicts(boolean heldOnly) {
        return conflicts.list(heldOnly);
    }

    /** Decides a held conflict: {@code target} writes the target's change to the legacy CRM, {@code legacy} drops it. */
    public SyncConflicts.Conflict resolve(long id, String winner) {
        if (!"target".equals(winner) && !"legacy".equals(winner)) {
            throw new IllegalArgumentException("winner is target or legacy, not '" + winner + "'");
        }
        SyncConflicts.Conflict conflict = conflicts.find(id)
                .orElseThrow(() -> new IllegalArgumentException("no conflict " + id));
        if (!conflicts.resolve(id, winner)) {
            throw new IllegalStateException("conflict " + id + " is not held: it was decided " + conflict.decision());
        }
        changes.release(conflict.changeSeq());
        conflictsFile.write();
        LOG.infof("Conflict %d (%s %s) resolved: %s wins", id, conflict.object(), conflict.legacyId(), winner);
        return conflicts.find(id).orElseThrow();
    }
}
