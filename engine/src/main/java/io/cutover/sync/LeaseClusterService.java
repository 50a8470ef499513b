package io.cutover.sync;

import io.cutover.state.LeaderLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.jboss.logging.Logger;

/**
 * A Camel cluster service on a lease in the state store ({@link LeaderLeases}): each view renews its namespace's lease
 * every third of its duration; the replica holding it leads, and the {@code master:} endpoints of that namespace run
 * there. A leader that cannot renew (the store unreachable) steps down once its lease has run out, as the others then
 * consider it gone.
 */
final class LeaseClusterService extends AbstractCamelClusterService<LeaseClusterService.LeaseView> {

    private static final Logger LOG = Logger.getLogger(LeaseClusterService.class);

    private final LeaderLeases leases;
    private final Duration duration;

    LeaseClusterService(String id, LeaderLeases leases, Duration duration) {
        super(id);
        this.leases = leases;
        this.duration = duration;
    }

    /** This replica's holding of the namespace's lease, while it leads. */
    Optional<LeaderLeases.Fence> fence(String namespace) {
        try {
            LeaseView view = (LeaseView) getView(namespace);
            return Optional.ofNullable(view.fence);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    protected LeaseView createView(String namespace) {
        return new LeaseView(namespace);
    }

    final class LeaseView extends AbstractCamelClusterView {

        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public String getId() {
                return LeaseClusterService.this.getId();
            }

            @Override
            public boolean isLeader() {
                return fence != null;
            }

            @Override
            public boolean isLocal() {
                return true;
            }
        };
        private ScheduledExecutorService renewals;
        private volatile LeaderLeases.Fence fence;
        private volatile Instant heldUntil = Instant.EPOCH;

        LeaseView(String namespace) {
            super(LeaseClusterService.this, namespace);
        }

        @Override
        protected void doStart() {
            renewals = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "cutover-lease-" + getNamespace());
                thread.setDaemon(true);
                return thread;
            });
            renewals.scheduleWithFixedDelay(this::renew, 0, Math.max(duration.toMillis() / 3, 1), TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doStop() {
            renewals.shutdownNow();
            if (fence != null) {
                leases.release(getNamespace(), getId());
                lead(null);
            }
        }

        private void renew() {
            try {
                Instant renewedAt = Instant.now();
                Optional<LeaderLeases.Fence> held = leases.acquire(getNamespace(), getId(), duration);
                heldUntil = held.isPresent() ? renewedAt.plus(duration) : Instant.EPOCH;
                lead(held.orElse(null));
            } catch (RuntimeException e) {
                LOG.warnf("The lease %s could not be renewed: %s", getNamespace(), e.getMessage());
                if (fence != null && Instant.now().isAfter(heldUntil)) {
                    lead(null);
                }
            }
        }

        private void lead(LeaderLeases.Fence now) {
            boolean wasLeader = fence != null;
            fence = now;
            if (wasLeader != (now != null)) {
                LOG.infof("%s %s the lease %s (fencing token %s)", getId(), now != null ? "holds" : "no longer holds",
                        getNamespace(), now != null ? now.token() : "-");
                fireLeadershipChangedEvent(now != null ? Optional.of(local) : Optional.empty());
            }
        }

        private String getId() {
            return LeaseClusterService.this.getId();
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return fence != null ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }
    }
}
