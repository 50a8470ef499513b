package io.cutover.state;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The delta files the sync took in: which were applied (by their content's checksum), and which failed, why. */
@Singleton
public class DeltaFileLog {

    /** A file with the same content applied before. */
    public record Applied(String fileName, String runId, Instant at) {}

    private final DataSource dataSource;

    DeltaFileLog(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The file with this content that was applied, if one was: the same export dropped again, under any name. */
    public Optional<Applied> applied(String checksum) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select file_name, run_id, processed_at from delta_file where checksum = ? and status = 'done'")) {
            select.setString(1, checksum);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Applied(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the delta files taken in", e);
        }
    }

    /** @param status {@code done} or {@code failed}; a failed file with the same name and content may be dropped again */
    public void record(String fileName, String checksum, String object, String runId, String status, String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement("""
                        merge into delta_file as d
                        using (values (cast(? as varchar(255)), cast(? as varchar(64)), cast(? as varchar(80)),
                                       cast(? as varchar(40)), cast(? as varchar(20)), cast(? as varchar(4000)),
                                       cast(? as timestamp)))
                              as v(file_name, checksum, object_name, run_id, status, reason, processed_at)
                        on d.file_name = v.file_name and d.checksum = v.checksum
                        when matched then update set run_id = v.run_id, status = v.status, reason = v.reason,
                             processed_at = v.processed_at
                        when not matched then insert (file_name, checksum, object_name, run_id, status, reason, processed_at)
                             values (v.file_name, v.checksum, v.object_name, v.run_id, v.status, v.reason, v.processed_at)
                        """)) {
            merge.setString(1, fileName);
            merge.setString(2, checksum);
            merge.setString(3, object);
            merge.setString(4, runId);
            merge.setString(5, status);
            merge.setString(6, reason == null || reason.length() <= 4000 ? reason : reason.substring(0, 4000));
            merge.setTimestamp(7, Timestamp.from(Instant.now()));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record the delta file " + fileName, e);
        }
    }
}
