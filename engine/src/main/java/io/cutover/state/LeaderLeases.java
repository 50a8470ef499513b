package io.cutover.state;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Leases in the state store, one per namespace: the replica holding an unexpired lease leads. Replicas share the
 * store, so no other infrastructure is needed (a PostgreSQL state store for several replicas; H2 for one). Expiry
 * times come from each replica's clock: keep the lease much longer than the clocks' skew.
 */
@Singleton
public class LeaderLeases {

    /** A lease held: who holds it, and the fencing token of this holding. */
    public record Fence(String namespace, String holder, long token) {}

    private final DataSource dataSource;

    LeaderLeases(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the namespace's lease for {@code holder}, or renews it, until now + {@code duration}: when nobody holds it,
     * when it expired, or when the holder holds it already. A new holding gets the next fencing token. Empty when
     * another replica holds it.
     */
    public Optional<Fence> acquire(String namespace, String holder, Duration duration) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement take = connection.prepareStatement("""
                    update leader_lease set fencing_token = case when holder = ? then fencing_token else fencing_token + 1 end,
                           holder = ?, expires_at = ?
                    where namespace = ? and (holder = ? or expires_at < ?)
                    """);
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into leader_lease (namespace, holder, fencing_token, expires_at) values (?, ?, 1, ?)")) {
                take.setString(1, holder);
                take.setString(2, holder);
                take.setTimestamp(3, Timestamp.from(now.plus(duration)));
                take.setString(4, namespace);
                take.setString(5, holder);
                take.setTimestamp(6, Timestamp.from(now));
                if (take.executeUpdate() == 0) {
                    if (find(connection, namespace).isPresent()) {
                        connection.rollback();
                        return Optional.empty();
                    }
                    insert.setString(1, namespace);
                    insert.setString(2, holder);
                    insert.setTimestamp(3, Timestamp.from(now.plus(duration)));
                    insert.executeUpdate();
                }
                Optional<Fence> held = find(connection, namespace);
                connection.commit();
                return held;
            } catch (SQLException e) {
                connection.rollback();
                // two replicas inserting the first lease at once: the other one won
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot take the lease " + namespace, e);
        }
    }

    /** Gives the lease up at once (a replica that stops), so that another takes over without waiting for it to expire. */
    public void release(String namespace, String holder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update leader_lease set expires_at = ? where namespace = ? and holder = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, namespace);
            update.setString(3, holder);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot release the lease " + namespace, e);
        }
    }

    /** The namespace's current holding, expired or not. */
    public Optional<Fence> holding(String namespace) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, namespace);
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the lease " + namespace, e);
        }
    }

    private static Optional<Fence> find(Connection connection, String namespace) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select holder, fencing_token from leader_lease where namespace = ?")) {
            select.setString(1, namespace);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Fence(namespace, row.getString(1), row.getLong(2))) : Optional.empty();
            }
        }
    }
}
