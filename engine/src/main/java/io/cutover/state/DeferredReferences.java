package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The references a run left out of its first load, to be set at its end (table deferred_reference). */
@ApplicationScoped
public class DeferredReferences {

    /** One reference to set: the record (loaded by this run), the field, and the parent's target id if it has one. */
    public record Reference(String object, String legacyId, long recordNumber, String field, String parentObject,
            String parentLegacyId, String parentTargetId) {}

    private final DataSource dataSource;

    DeferredReferences(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Up to {@code limit} references still to set, of records this run loaded, after the given record, in object and
     * legacy id order; with the parent's target id from the ledger.
     */
    public List<Reference> pending(String runId, String afterObject, String afterLegacyId, String afterField, int limit) {
        String query = """
                select d.object_name, d.legacy_id, d.record_no, d.field, d.parent_object, d.parent_legacy_id, l.target_id
                from deferred_reference d
                join outcome o on o.run_id = d.run_id and o.object_name = d.object_name and o.record_no = d.record_no
                left join ledger l on l.object_name = d.parent_object and l.legacy_id = d.parent_legacy_id
                where d.run_id = ? and d.status = 'pending' and o.outcome in ('loaded', 'updated')
                  and (d.object_name > ? or (d.object_name = ? and (d.legacy_id > ? or (d.legacy_id = ? and d.field > ?))))
                order by d.object_name, d.legacy_id, d.field
                fetch first ? rows only
                """;
        List<Reference> references = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, runId);
            select.setString(2, afterObject);
            select.setString(3, afterObject);
            select.setString(4, afterLegacyId);
            select.setString(5, afterLegacyId);
            select.setString(6, afterField);
            select.setInt(7, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    references.add(new Reference(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7)));
                }
            }
            return references;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the deferred references of run " + runId, e);
        }
    }

    /**
     * Ends a record's deferred references: {@code set}, or {@code failed} with why. A failed reference is reported as
     * a warning on the record's outcome, and the record's ledger hash is cleared so that the next run sends it again.
     */
    public void close(String runId, String object, String legacyId, long recordNumber, List<String> fields, boolean set,
            String message) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement references = connection.prepareStatement(
                    "update deferred_reference set status = ?, message = ? where run_id = ? and object_name = ? and legacy_id = ? and field = ?")) {
                for (String field : fields) {
                    references.setString(1, set ? "set" : "failed");
                    references.setString(2, message);
                    references.setString(3, runId);
                    references.setString(4, object);
                    references.setString(5, legacyId);
                    references.setString(6, field);
                    references.addBatch();
                }
                references.executeBatch();
                if (!set) {
                    try (PreparedStatement outcome = connection.prepareStatement("""
                            update outcome set warnings = coalesce(warnings || chr(10), '') || ?
                            where run_id = ? and object_name = ? and record_no = ?
                            """);
                            PreparedStatement ledger = connection.prepareStatement(
                                    "update ledger set content_hash = null where object_name = ? and legacy_id = ?")) {
                        outcome.setString(1, message);
                        outcome.setString(2, runId);
                        outcome.setString(3, object);
                        outcome.setLong(4, recordNumber);
                        outcome.executeUpdate();
                        ledger.setString(1, object);
                        ledger.setString(2, legacyId);
                        ledger.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot close the deferred references of " + object + " " + legacyId, e);
        }
    }
}
