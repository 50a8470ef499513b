package io.cutover.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

/**
 * The aggregator sends completed batches on its own thread pool by default; a batch must be loaded and in the ledger
 * before the object's route returns, so that children are mapped only once their parents have target ids.
 */
@ApplicationScoped
public class CallerThreadExecutor {

    @Produces
    @Named("callerThread")
    @ApplicationScoped
    ExecutorService callerThread() {
        return new SynchronousExecutorService();
    }
}
