package io.cutover.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import io.cutover.source.ReadConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

/** The thread pools the object pipeline's steps run on. */
@ApplicationScoped
public class PipelineExecutors {

    /**
     * The aggregator sends completed batches on its own thread pool by default; a batch must be staged before the
     * object's reading is counted as complete, so it runs on the thread that read it.
     */
    @Produces
    @Named("callerThread")
    @ApplicationScoped
    ExecutorService callerThread() {
        return new SynchronousExecutorService();
    }

    /** Bounded: the target's limits, not this machine, decide how many batches may be in flight at once. */
    @Produces
    @Named("loadThreads")
    @ApplicationScoped
    ExecutorService loadThreads(CamelContext camel, LoadConfig load) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "cutover-load", load.parallelism());
    }

    /** The read step's mapping: bounded, one thread per core by default, its chunks' slices side by side. */
    @Produces
    @Named("mappingThreads")
    @ApplicationScoped
    ExecutorService mappingThreads(CamelContext camel, ReadConfig read) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "cutover-mapping", read.mappingParallelism());
    }
}
