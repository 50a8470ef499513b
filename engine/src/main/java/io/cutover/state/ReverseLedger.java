package io.cutover.state;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ledger as the reverse sync reads and writes it: from a target id to the legacy record it was migrated from, and,
 * after a write back, the legacy record's new version. After a write back the ledger holds the content both sides now
 * agree on, so that the forward sync, reading the legacy CRM's change that the write made, finds it unchanged: the
 * write does not echo back to the target.
 */
@Singleton
public class ReverseLedger {

    /** The run the ledger names for records the reverse sync created in the legacy CRM. */
    public static final String RUN = "reverse-sync";

    /** The legacy record a target record is linked to, with the content and version last in step. */
    public record Linked(String legacyId, String targetId, String contentHash, String sourceModified, String outcome,
            String inStepValues) {
    }

    /**
     * What a write back changed: the legacy record's content hash and values (as the forward mapping makes them, JSON),
     * and its version. An update with no hash nor values (after a conflict) moves the version only.
     */
    public record Written(Kind kind, String object, String legacyId, String targetId, String contentHash,
            String sourceModified, String inStepValues) {
    }

    public enum Kind { CREATED, UPDATED, DELETED }

    private static final String CREATED = """
            merge into ledger as l
            using (values (cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(18)), cast(? as varchar(64)),
                           cast(? as varchar(64)), cast(? as timestamp), cast(? as varchar(1000000))))
                  as v(object_name, legacy_id, target_id, content_hash, source_modified, updated_at, in_step_values)
            on l.object_name = v.object_name and l.legacy_id = v.legacy_id
            when matched then update set target_id = v.target_id, content_hash = v.content_hash,
                 source_modified = v.source_modified, updated_at = v.updated_at, in_step_values = v.in_step_values
            when not matched then insert (object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at,
                 source_modified, in_step_values)
                 values (v.object_name, v.legacy_id, v.target_id, v.content_hash, 'loaded', 'reverse-sync', v.updated_at,
                 v.source_modified, v.in_step_values)
            """;

    private final DataSource dataSource;

    ReverseLedger(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ledger's links of these target ids of the object, by target id: one query per thousand ids. */
    public Map<String, Linked> byTargetIds(String object, List<String> targetIds) {
        Map<String, Linked> linked = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(targetIds)) {
                try (PreparedStatement select = connection.prepareStatement("select l.legacy_id, l.target_id, "
                        + "l.content_hash, l.source_modified, l.outcome, l.in_step_values from " + KeyLists.values(slice.size(), "k")
                        + " join ledger l on l.object_name = ? and l.target_id = k.wanted")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            linked.put(row.getString(2), new Linked(row.getString(1), row.getString(2), row.getString(3),
                                    row.getString(4), row.getString(5), row.getString(6)));
                        }
                    }
                }
            }
            return linked;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the ledger entries of " + targetIds.size() + " " + object
                    + " target records", e);
        }
    }

    /** Records the write backs of a batch, in one transaction. */
    public void record(List<Written> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement created = connection.prepareStatement(CREATED);
                    PreparedStatement updated = connection.prepareStatement("""
                            update ledger set content_hash = coalesce(?, content_hash), source_modified = ?,
                                   updated_at = ?, in_step_values = coalesce(?, in_step_values)
                            where object_name = ? and legacy_id = ?
                            """);
                    PreparedStatement deleted = connection.prepareStatement("""
                            update ledger set target_id = null, content_hash = null, outcome = 'deleted',
                                   source_modified = ?, updated_at = ?
                            where object_name = ? and legacy_id = ?
                            """)) {
                for (Written write : writes) {
                    switch (write.kind()) {
                        case CREATED -> {
                            created.setString(1, write.object());
                            created.setString(2, write.legacyId());
                            created.setString(3, write.targetId());
                            created.setString(4, write.contentHash());
                            created.setString(5, write.sourceModified());
                            created.setTimestamp(6, now);
                            created.setString(7, write.inStepValues());
                            created.addBatch();
                        }
                        case UPDATED -> {
                            updated.setString(1, write.contentHash());
                            updated.setString(2, write.sourceModified());
                            updated.setTimestamp(3, now);
                            updated.setString(4, write.inStepValues());
                            updated.setString(5, write.object());
                            updated.setString(6, write.legacyId());
                            updated.addBatch();
                        }
                        case DELETED -> {
                            deleted.setString(1, write.sourceModified());
                            deleted.setTimestamp(2, now);
                            deleted.setString(3, write.object());
                            deleted.setString(4, write.legacyId());
                            deleted.addBatch();
                        }
                    }
                }
                created.executeBatch();
                updated.executeBatch();
                deleted.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record " + writes.size() + " write backs in the ledger", e);
        }
    }
}
