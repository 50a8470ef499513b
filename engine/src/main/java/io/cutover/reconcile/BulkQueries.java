package io.cutover.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.load.LoadConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A SOQL query answered by a Bulk API 2.0 query job through camel-salesforce ({@code bulk2CreateQueryJob}, then
 * {@code bulk2GetQueryJob} until it is complete (routes/bulk-query.yaml), then {@code bulk2GetQueryJobResults} page after page, following the
 * {@code Sforce-Locator} header): a few calls for an object of any size, where the REST query takes one call per
 * 2,000 records. Each page of CSV rows is handed on in the REST query's shape ({@code records}, each field by name,
 * an empty cell as no value), so that the reconciliation reads both alike. Every call is counted and gated by
 * routes/api-budget.yaml, for the run and object given.
 */
@Singleton
@Named("bulkQueries")
public class BulkQueries {

    private static final Set<JobStateEnum> ENDED = EnumSet.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED,
            JobStateEnum.ABORTED);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final ProducerTemplate camel;
    private final Duration firstPoll;
    private final Duration longestPoll;

    BulkQueries(ProducerTemplate camel, LoadConfig load) {
        this.camel = camel;
        this.firstPoll = load.bulkPollFirst();
        this.longestPoll = load.bulkPollMax();
    }

    /** Each page of the query's answer as it comes. */
    public void forEachPage(String soql, String runId, String object, Consumer<JsonNode> pages) throws IOException {
        QueryJob job = new QueryJob();
        job.setOperation(OperationEnum.QUERY);
        job.setQuery(soql);
        String jobId = call("direct:bulk-query-job", runId, object, job, Map.of()).getMessage().getBody(QueryJob.class).getId();
        String locator = null;
        do {
            Map<String, Object> headers = new HashMap<>(Map.of("jobId", jobId));
            if (locator != null) {
                headers.put("locator", locator);
            }
            Exchange answer = call("salesforce:bulk2GetQueryJobResults", runId, object, null, headers);
            try (InputStream csv = answer.getMessage().getBody(InputStream.class)) {
                pages.accept(page(new InputStreamReader(csv, StandardCharsets.UTF_8)));
            }
            locator = answer.getMessage().getHeader("Sforce-Locator", String.class);
        } while (locator != null && !locator.isEmpty() && !"null".equals(locator));
    }

    /** Whether the query job is still running: it has neither completed nor failed. */
    public boolean running(@Body QueryJob job) {
        return !ENDED.contains(job.getState());
    }

    /** The wait before the job's next poll: doubling from the first, never longer than the longest. */
    public long pollDelayMillis(@ExchangeProperty(Exchange.LOOP_INDEX) int poll) {
        return Math.min(firstPoll.toMillis() << Math.min(poll, 20), longestPoll.toMillis());
    }

    /** The job as it ended: complete, or a failure naming how it ended. */
    public QueryJob completed(@Body QueryJob job) {
        if (job.getState() != JobStateEnum.JOB_COMPLETE) {
            throw new IllegalStateException("Bulk API 2.0 query job " + job.getId() + " ended " + job.getState());
        }
        return job;
    }

    /** A page of CSV rows in the REST query's shape. */
    static JsonNode page(Reader csv) throws IOException {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode records = page.putArray("records");
        try (CSVParser rows = CSV.parse(csv)) {
            for (CSVRecord row : rows) {
                ObjectNode record = records.addObject();
                row.toMap().forEach((column, value) -> {
                    if (value == null || value.isEmpty()) {
                        record.putNull(column);
                    } else {
                        record.put(column, value);
                    }
                });
            }
        }
        return page;
    }

    private Exchange call(String operation, String runId, String object, Object body, Map<String, Object> headers) {
        Exchange answer = camel.send(operation, exchange -> {
            exchange.setProperty("runId", runId);
            exchange.setProperty("object", object);
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.getIn().setBody(body);
        });
        if (answer.getException() != null) {
            throw answer.getException() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(answer.getException());
        }
        return answer;
    }
}
