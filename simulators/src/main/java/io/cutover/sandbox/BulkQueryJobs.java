package io.cutover.sandbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The org's Bulk API 2.0 query jobs, in memory: they do not survive a restart or an admin reset. */
@ApplicationScoped
public class BulkQueryJobs {

    private static final String JOB_KEY_PREFIX = "750";

    @Inject
    QueryEngine engine;

    private final Map<String, BulkQueryJob> jobs = new ConcurrentHashMap<>();
    /** Apart from the ingest jobs' numbers, so that the two kinds never share an id. */
    private final AtomicLong jobNumber = new AtomicLong(1L << 40);

    /** Runs the query now; an invalid query throws before a job exists, as Salesforce refuses it at creation. */
    BulkQueryJob create(String soql, String operation, String version) {
        Instant start = Instant.now();
        QueryEngine.Table answer = engine.table(soql, version, operation.equals("queryAll"));
        String id = SalesforceIds.newId(JOB_KEY_PREFIX, jobNumber.incrementAndGet());
        BulkQueryJob job = new BulkQueryJob(id, operation, Double.parseDouble(version.substring(1)), start, answer,
                java.time.Duration.between(start, Instant.now()).toMillis());
        jobs.put(id, job);
        return job;
    }

    Optional<BulkQueryJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    Collection<BulkQueryJob> all() {
        return jobs.values();
    }

    void delete(String id) {
        jobs.remove(id);
    }

    public void clear() {
        jobs.clear();
    }
}
