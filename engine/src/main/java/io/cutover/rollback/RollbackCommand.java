package io.cutover.rollback;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/** Rolls a run back through the {@code direct:rollback} route (routes/rollback.yaml): {@code cutover.mode=rollback}. */
@ApplicationScoped
public class RollbackCommand {

    private static final Logger LOG = Logger.getLogger(RollbackCommand.class);

    private final ProducerTemplate producer;
    private final Rollbacks rollbacks;

    RollbackCommand(ProducerTemplate producer, Rollbacks rollbacks) {
        this.producer = producer;
        this.rollbacks = rollbacks;
    }

    /** Rolls the run back and returns the rollback's report, whether it completed, failed or was refused. */
    public RollbackReport rollBack(String runId) {
        try {
            rollbacks.check(runId);
        } catch (Rollbacks.RollbackRefused refused) {
            return rollbacks.refused(runId, refused);
        }
        Exchange result = producer.send("direct:rollback", exchange -> exchange.setProperty(Rollbacks.ROLLED_BACK_RUN, runId));
        if (result.getException() != null) {
            LOG.error("The rollback of run " + runId + " failed: " + result.getException().getMessage(), result.getException());
            return rollbacks.fail(result, result.getException());
        }
        return result.getMessage().getBody(RollbackReport.class);
    }
}
