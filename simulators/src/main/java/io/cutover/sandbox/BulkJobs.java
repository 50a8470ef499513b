package io.cutover.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The org's Bulk API 2.0 ingest jobs. Their data and results are temporary files, and jobs are processed one at a
 * time in the background after their upload is complete, as Salesforce queues them. Jobs do not outlive the process.
 */
@ApplicationScoped
public class BulkJobs {

    /** Bulk jobs have the key prefix 750. */
    private static final String JOB_KEY_PREFIX = "750";

    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobNumber = new AtomicLong();
    private final ExecutorService processing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-bulk-ingest");
        thread.setDaemon(true);
        return thread;
    });
    private Path folder;

    @Inject
    BulkIngestProcessor processor;

    public BulkJob create(BulkJobSettings settings, double apiVersion) {
        String id = SalesforceIds.newId(JOB_KEY_PREFIX, jobNumber.incrementAndGet());
        try {
            BulkJob job = new BulkJob(id, settings, apiVersion, Instant.now(),
                    Files.createDirectories(folder().resolve(id)));
            jobs.put(id, job);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the folder of bulk job " + id, e);
        }
    }

    public Optional<BulkJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Oldest first, like Salesforce's job list. */
    public Collection<BulkJob> all() {
        return jobs.values().stream().sorted(Comparator.comparing(BulkJob::id)).toList();
    }

    /** Queues a job whose upload is complete; its writes come from the call that closed it (change events say so). */
    public void submit(BulkJob job) {
        String origin = CallOrigin.current();
        processing.submit(() -> CallOrigin.runAs(origin, () -> processor.process(job)));
    }

    public void delete(BulkJob job) {
        jobs.remove(job.id());
        deleteFolder(job.folder());
    }

    /** Forgets every job, as an admin reset of the org does. */
    public void clear() {
        jobs.values().forEach(job -> {
            job.transition(job.state(), BulkJob.State.Aborted);
            deleteFolder(job.folder());
        });
        jobs.clear();
    }

    @PreDestroy
    void close() {
        processing.shutdownNow();
        if (folder != null) {
            deleteFolder(folder);
        }
    }

    private synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("cutover-sandbox-bulk");
        }
        return folder;
    }

    private static void deleteFolder(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
