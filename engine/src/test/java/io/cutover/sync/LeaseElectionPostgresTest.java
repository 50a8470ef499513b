package io.cutover.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cutover.run.PostgresStateStore;
import io.cutover.state.LeaderLeases;
import io.cutover.state.StateStoreException;
import io.cutover.state.Watermarks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterView;
import org.junit.jupiter.api.Test;

/**
 * One poller among several replicas sharing a PostgreSQL state store: of two replicas, exactly one holds the sync's
 * lease; when it stops, the other takes over; when it dies (it renews no more), the other takes over once the lease has
 * run out, with a new fencing token, and the dead holder's watermark writes are refused.
 */
@QuarkusTest
@TestProfile(PostgresStateStore.class)
class LeaseElectionPostgresTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    @Inject
    LeaderLeases leases;
    @Inject
    Watermarks watermarks;
    @Inject
    CamelContext camel;

    @Test
    void exactlyOneReplicaLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
        String namespace = "election-" + UUID.randomUUID();
        LeaseClusterService first = replica("replica-a");
        LeaseClusterService second = replica("replica-b");
        try {
            CamelClusterView firstView = first.getView(namespace);
            CamelClusterView secondView = second.getView(namespace);
            await().atMost(Duration.ofSeconds(10)).until(() -> firstView.getLocalMember().isLeader()
                    || secondView.getLocalMember().isLeader());
            // renewals go on for several lease periods: the leadership does not move while its holder lives
            boolean firstLeads = firstView.getLocalMember().isLeader();
            await("the same leader").during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(4))
                    .pollInterval(LEASE.dividedBy(10)).until(() -> firstView.getLocalMember().isLeader() == firstLeads
                            && secondView.getLocalMember().isLeader() != firstLeads);
            LeaseClusterService leader = firstView.getLocalMember().isLeader() ? first : second;
            CamelClusterView follower = leader == first ? secondView : firstView;

            leader.stop();
            await().atMost(LEASE.multipliedBy(3)).until(() -> follower.getLocalMember().isLeader());
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aDeadHoldersLeaseRunsOutAndItsWatermarkWritesAreRefused() throws Exception {
        String namespace = "election-" + UUID.randomUUID();
        LeaderLeases.Fence dead = leases.acquire(namespace, "dead-replica", LEASE).orElseThrow();
        watermarks.advance("source/" + namespace, "2026-01-01T00:00:00Z", dead);
        LeaseClusterService survivor = replica("survivor");
        try {
            CamelClusterView view = survivor.getView(namespace);
            assertThat(view.getLocalMember().isLeader()).isFalse();
            await().atMost(LEASE.multipliedBy(3)).until(() -> view.getLocalMember().isLeader());
            LeaderLeases.Fence taken = survivor.fence(namespace).orElseThrow();
            assertThat(taken.token()).isEqualTo(dead.token() + 1);

            assertThatThrownBy(() -> watermarks.advance("source/" + namespace, "2026-01-02T00:00:00Z", dead))
                    .isInstanceOf(StateStoreException.class).hasMessageContaining("no longer holds the lease");
            assertThat(watermarks.get("source/" + namespace)).contains("2026-01-01T00:00:00Z");
            watermarks.advance("source/" + namespace, "2026-01-02T00:00:00Z", taken);
            assertThat(watermarks.get("source/" + namespace)).contains("2026-01-02T00:00:00Z");
        } finally {
            survivor.stop();
        }
    }

    private LeaseClusterService replica(String id) throws Exception {
        LeaseClusterService service = new LeaseClusterService(id, leases, LEASE);
        service.setCamelContext(camel);
        service.start();
        return service;
    }
}
