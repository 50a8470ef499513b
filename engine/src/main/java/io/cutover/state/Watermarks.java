package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Change capture's memory: per stream of changes, the highest change marker (an {@code updated_at}, a version) that a
 * complete read has seen. The next read asks the system only for the changes since it.
 *
 * <p>A reader advances its stream only once its read has completed and what it read is safely processed: a run that
 * crashes half way leaves the watermark where it was, so the next run reads those changes again (and finds most of
 * them unchanged) instead of skipping them. A watermark never goes back ({@link WatermarkOrder}).
 *
 * <p>Streams are named {@code <side>/<object>}: {@code source/Account} holds the legacy CRM's account changes. The
 * cutover sync, which captures changes both ways, keeps the target's streams ({@code target/Account}) here too.
 */
@ApplicationScoped
public class Watermarks {

    private static final Logger LOG = Logger.getLogger(Watermarks.class);

    private final DataSource dataSource;

    Watermarks(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stream's watermark; empty before its first complete read. */
    public Optional<String> get(String stream) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select \"value\" from watermark where stream = ?")) {
            select.setString(1, stream);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the watermark of " + stream, e);
        }
    }

    /**
     * Moves the stream's watermark up to {@code seen}, the highest marker of a completed read; a lower one leaves it
     * where it is. Returns the watermark now stored.
     */
    public synchronized String advance(String stream, String seen) {
        return advance(stream, seen, null);
    }

    /**
     * The same for the replica holding a lease ({@link LeaderLeases}): the watermark moves only while the fence's
     * holding is still the lease's. A replica that lost the lease without knowing (a long pause) cannot move a
     * watermark the new holder owns; it fails instead.
     */
    public synchronized String advance(String stream, String seen, LeaderLeases.Fence fence) {
        Optional<String> current = get(stream);
        String later = WatermarkOrder.INSTANCE.later(current.orElse(null), seen);
        if (current.isPresent() && current.get().equals(later)) {
            return later;
        }
        String fenced = fence == null ? "" : (current.isPresent() ? " and" : " where")
                + " exists (select 1 from leader_lease where namespace = ? and holder = ? and fencing_token = ?)";
        String sql = current.isPresent()
                ? "update watermark set \"value\" = ?, updated_at = ? where stream = ?" + fenced
                : "insert into watermark (\"value\", updated_at, stream) select cast(? as varchar(255)), cast(? as timestamp), "
                        + "cast(? as varchar(255)) from (values (1)) as one(n)" + fenced;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, later);
            write.setTimestamp(2, Timestamp.from(Instant.now()));
            write.setString(3, stream);
            if (fence != null) {
                write.setString(4, fence.namespace());
                write.setString(5, fence.holder());
                write.setLong(6, fence.token());
            }
            if (write.executeUpdate() == 0) {
                throw new StateStoreException("The watermark of " + stream + " stays at " + current.orElse("(none)")
                        + ": " + fence.holder() + " no longer holds the lease " + fence.namespace() + " (fencing token "
                        + fence.token() + ")", null);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot advance the watermark of " + stream + " to " + later, e);
        }
        LOG.infof("Watermark %s advanced from %s to %s", stream, current.orElse("(none)"), later);
        return later;
    }
}
