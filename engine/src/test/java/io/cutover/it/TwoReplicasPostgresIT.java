package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.run.LocalPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application share a PostgreSQL state store, as in a Kubernetes deployment of two pods:
 * the bulk load runs once (a one-shot job), then both replicas keep the target in step while the legacy CRM simulator
 * makes about 20 changes a second. Only the lease's holder polls; when it is killed (SIGKILL), the other takes over
 * once the lease has run out, and after the final delta the target holds exactly the legacy CRM's live records: no
 * change lost, none applied twice.
 */
class TwoReplicasPostgresIT {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void onlyTheLeaseHolderPollsAndTheOtherTakesOverWithinTheLeaseWhenItIsKilled() throws Exception {
        String database = LocalPostgres.freshDatabase("cutover_replicas_it");
        try (SyncedSystems systems = SyncedSystems.start()) {
            Map<String, String> cutover = PackagedApplication.environment(systems.cutoverEnvironment(), Map.of(
                    "CUTOVER_STATE_STORE", "postgresql",
                    "CUTOVER_STATE_STORE_URL", database,
                    "CUTOVER_STATE_STORE_USERNAME", LocalPostgres.USER,
                    "CUTOVER_SYNC_LEASE_DURATION", LEASE.toSeconds() + "s"));
            systems.changesPerMinute(0, 0, 0);
            PackagedApplication bulkLoad = PackagedApplication.start(PackagedApplication.environment(cutover,
                    Map.of("CUTOVER_SYNC_ENABLED", "false")), "-Dcutover.mode=once");
            assertThat(bulkLoad.exitCode()).as(bulkLoad.output()).isZero();
            assertThat(ledgerRows(database)).as("the bulk load's ledger, in PostgreSQL").isPositive();

            Map<String, String> replica = PackagedApplication.environment(cutover,
                    Map.of("CUTOVER_RUN_AT_START", "false"));
            Path firstData = Files.createTempDirectory(Path.of("target"), "replica-a-").toAbsolutePath();
            Path secondData = Files.createTempDirectory(Path.of("target"), "replica-b-").toAbsolutePath();
            PackagedApplication first = PackagedApplication.start(replica, "-Dcutover.data-dir=" + firstData,
                    "-Dcutover.sync.lease.node-id=replica-a");
            PackagedApplication second = PackagedApplication.start(replica, "-Dcutover.data-dir=" + secondData,
                    "-Dcutover.sync.lease.node-id=replica-b");
            PackagedApplication restarted = null;
            try {
                systems.changesPerMinute(360, 600, 240);
                awaitEither(first, second);
                PackagedApplication leader = SyncedSystems.syncCycles(first) > 0 ? first : second;
                PackagedApplication follower = leader == first ? second : first;
                SyncedSystems.awaitSyncCycles(leader, 4);
                assertThat(SyncedSystems.syncCycles(follower)).as("sync cycles of the replica without the lease")
                        .isZero();
                assertThat(SyncedSystems.count(follower.output(), " holds the lease")).isZero();

                leader.kill();
                long killedAt = System.nanoTime();
                while (SyncedSystems.count(follower.output(), " holds the lease") == 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - killedAt))
                            .as("time to take the lease over; the output:\n" + follower.output())
                            .isLessThan(LEASE.plus(LEASE.dividedBy(3)).plusSeconds(2));
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.printf("TwoReplicasPostgresIT: the follower took the lease over %d ms after the kill%n",
                        takeover.toMillis());
                SyncedSystems.awaitSyncCycles(follower, 3);

                // the killed replica comes back, and waits as the follower now
                Path leaderData = leader == first ? firstData : secondData;
                restarted = PackagedApplication.start(replica, "-Dcutover.data-dir=" + leaderData,
                        "-Dcutover.sync.lease.node-id=" + (leader == first ? "replica-a" : "replica-b"));
                OnceModeIT.awaitReady("http://localhost:" + restarted.port, restarted);
                SyncedSystems.awaitSyncCycles(follower, 3);
                assertThat(SyncedSystems.syncCycles(restarted)).isZero();

                systems.finalDeltaAgrees(follower, follower == first ? firstData : secondData, "after the takeover");
            } finally {
                for (PackagedApplication app : new PackagedApplication[] {first, second, restarted}) {
                    if (app != null && app.isAlive()) {
                        app.stop();
                    }
                }
            }
        }
    }

    private static int ledgerRows(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, LocalPostgres.USER, "");
                ResultSet count = connection.createStatement().executeQuery("select count(*) from ledger")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static void awaitEither(PackagedApplication first, PackagedApplication second) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (SyncedSystems.syncCycles(first) + SyncedSystems.syncCycles(second) == 0) {
            if (System.currentTimeMillis() > deadline || !first.isAlive() || !second.isAlive()) {
                throw new AssertionError("No sync cycles; the outputs:\n" + first.output() + "\n\n" + second.output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
