package io.cutover.state;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a record's versions read from a change stream (a REST source with change capture), each with the
 * source's modification marker: an older version never overwrites a newer one, whatever order the versions arrive in
 * (a retry from the sync queue, a page read again after the overlap window, a delta read twice).
 *
 * <ul>
 *   <li>A version older than the one the target holds (the ledger's marker) is skipped, {@code STALE_CHANGE}.</li>
 *   <li>Of the versions one run reads, the newest wins: an older one still pending, or read later, is skipped
 *       {@code SUPERSEDED}, naming the newer one.</li>
 *   <li>A deletion the target was not found to hold (io.cutover.enrich.Enricher asks it) gets the ledger's target id;
 *       a record neither knows is skipped {@code NOT_IN_TARGET}.</li>
 * </ul>
 * Two queries per chunk, whatever its size: the ledger entries and the run's earlier versions of its legacy ids
 * ({@link KeyLists}).
 */
final class ChangeVersions {

    private record Version(long recordNumber, String marker, String sourceRef, boolean pending, PipelineRecord inChunk) {}

    private ChangeVersions() {
    }

    /** A version of a record from a change stream, still to be decided: loadable, or unchanged. */
    static boolean isChange(PipelineRecord record) {
        return (record.getChangedAt() != null || record.isDeletion()) && !record.getLegacyId().isEmpty()
                && (record.isLoadable() || record.getOutcome() == Outcome.UNCHANGED);
    }

    static void order(Connection connection, List<PipelineRecord> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String runId = changes.get(0).getRunId();
        String object = changes.get(0).getObject();
        List<String> legacyIds = changes.stream().map(PipelineRecord::getLegacyId).distinct().toList();
        Map<String, Ledger.Entry> applied = Ledger.entries(connection, object, legacyIds);
        Map<String, Version> newest = versionsInRun(connection, runId, object, legacyIds);
        for (PipelineRecord record : changes) {
            String legacyId = record.getLegacyId();
            Ledger.Entry inTarget = applied.get(legacyId);
            boolean ordered = record.getChangedAt() != null;
            if (ordered && inTarget != null && inTarget.sourceModified() != null
                    && WatermarkOrder.INSTANCE.compare(record.getChangedAt(), inTarget.sourceModified()) < 0) {
                record.skip("STALE_CHANGE", record.getSourceRef() + ": " + record.getObject() + " " + legacyId
                        + ": this version, changed at " + record.getChangedAt() + ", is older than the one applied ("
                        + inTarget.sourceModified() + ")");
                continue;
            }
            Version earlier = ordered ? newest.get(legacyId) : null;
            if (earlier != null && WatermarkOrder.INSTANCE.compare(record.getChangedAt(), earlier.marker()) <= 0) {
                record.skip("SUPERSEDED", record.getSourceRef() + ": " + record.getObject() + " " + legacyId
                        + ": a version changed at " + earlier.marker() + " was read at " + earlier.sourceRef());
                continue;
            }
            if (earlier != null && earlier.pending()) {
                String why = ": a newer version, changed at " + record.getChangedAt() + ", was read at " + record.getSourceRef();
                if (earlier.inChunk() != null) {
                    earlier.inChunk().skip("SUPERSEDED", earlier.sourceRef() + ": " + record.getObject() + " " + legacyId + why);
                } else {
                    supersede(connection, runId, object, earlier.recordNumber(), legacyId + why);
                }
            }
            if (record.isDeletion() && record.getTargetId() == null) {
                // the enricher asked the target; the ledger's id is the one left
                if (inTarget == null || inTarget.targetId() == null) {
                    record.skip("NOT_IN_TARGET", record.getSourceRef() + ": " + record.getObject() + " " + legacyId
                            + ": deleted in the legacy CRM, and not in the target");
                } else {
                    record.withTargetId(inTarget.targetId());
                }
            }
            if (ordered) {
                newest.put(legacyId, new Version(record.getRecordNumber(), record.getChangedAt(), record.getSourceRef(),
                        record.isLoadable(), record));
            }
        }
    }

    /** The newest version of each legacy id this run read before the chunk (and took: not skipped nor rejected). */
    private static Map<String, Version> versionsInRun(Connection connection, String runId, String object,
            List<String> legacyIds) throws SQLException {
        Map<String, Version> versions = new HashMap<>();
        for (List<String> slice : KeyLists.slices(legacyIds)) {
            try (PreparedStatement select = connection.prepareStatement("select o.legacy_id, o.record_no, o.source_modified, "
                    + "o.source_ref, o.outcome from " + KeyLists.values(slice.size(), "k") + """
                     join outcome o on o.run_id = ? and o.object_name = ? and o.legacy_id = k.wanted
                    where o.outcome not in ('skipped', 'rejected') and o.source_modified is not null
                    """)) {
                KeyLists.bind(select, 1, slice);
                select.setString(slice.size() + 1, runId);
                select.setString(slice.size() + 2, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Version version = new Version(row.getLong(2), row.getString(3), row.getString(4),
                                Outcome.PENDING.label().equals(row.getString(5)), null);
                        versions.merge(row.getString(1), version, (one, other) ->
                                WatermarkOrder.INSTANCE.compare(one.marker(), other.marker()) >= 0 ? one : other);
                    }
                }
            }
        }
        return versions;
    }

    private static void supersede(Connection connection, String runId, String object, long recordNumber, String why)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update outcome set outcome = 'skipped', reason_code = 'SUPERSEDED', message = source_ref || ': ' || ?,
                       payload = null
                where run_id = ? and object_name = ? and record_no = ? and outcome = 'pending'
                """)) {
            update.setString(1, object + " " + why);
            update.setString(2, runId);
            update.setString(3, object);
            update.setLong(4, recordNumber);
            update.executeUpdate();
        }
    }
}
