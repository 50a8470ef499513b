package io.cutover.sync;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.quarkus.main.events.AfterConfigure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster service behind the sync route's {@code master:} endpoint: of the replicas that share the state store,
 * the one holding a file lock in a shared folder polls; when it dies, another takes the lock over. Added to Camel
 * before its routes start (camel-quarkus-master, which would configure it, does not resolve on this machine's mirror).
 */
@ApplicationScoped
public class LeaderElection {

    @ConfigProperty(name = "cutover.sync.cluster.root")
    Path root;
    @ConfigProperty(name = "cutover.sync.cluster.node-id")
    String nodeId;
    @ConfigProperty(name = "cutover.sync.cluster.acquire-lock-interval")
    Duration acquireLockInterval;

    /** Always there, for the sync route's endpoint to resolve; it takes no lock until that route starts. */
    void addClusterService(@Observes AfterConfigure event) {
        CamelContext camel = event.getMain().getCamelContext();
        FileLockClusterService service = new FileLockClusterService();
        service.setId(nodeId);
        service.setRoot(root.toAbsolutePath().toString());
        service.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(acquireLockInterval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            camel.addService(service);
        } catch (Exception e) {
            throw new ConfigurationException("Cutover cannot start: the sync's cluster service in " + root + ": "
                    + e.getMessage(), e);
        }
    }
}
