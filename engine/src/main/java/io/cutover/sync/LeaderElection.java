package io.cutover.sync;

import io.cutover.state.LeaderLeases;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.quarkus.main.events.AfterConfigure;

/**
 * Which replica runs the sync route ({@code master:cutover-sync:…}): the one holding the {@value #NAMESPACE} lease in
 * the state store. Added to Camel before its routes start, for the route's endpoint to resolve; it takes no lease
 * until that route starts (camel-quarkus-master, which would configure a cluster service, does not resolve on this
 * machine's mirror).
 */
@ApplicationScoped
public class LeaderElection {

    static final String NAMESPACE = "cutover-sync";

    private LeaseClusterService service;

    void addClusterService(@Observes AfterConfigure event, LeaderLeases leases, SyncConfig sync) {
        CamelContext camel = event.getMain().getCamelContext();
        service = new LeaseClusterService(sync.lease().nodeId(), leases, sync.lease().duration());
        try {
            camel.addService(service);
            // camel-master 4.17 starts a new consumer at each attempt of its back-off, a started one included (its
            // start task reports success as a failure): one attempt, or every master route would run twice
            camel.getComponent("master", MasterComponent.class).setBackOffMaxAttempts(1);
        } catch (Exception e) {
            throw new ConfigurationException("Cutover cannot start: the sync's lease: " + e.getMessage(), e);
        }
    }

    /** This replica's holding of the sync's lease; empty when it does not lead. */
    public Optional<LeaderLeases.Fence> fence() {
        return service == null ? Optional.empty() : service.fence(NAMESPACE);
    }
}
