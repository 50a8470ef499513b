package io.cutover.load;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.cutover.load.RestCall.Operation;
import io.cutover.load.RestTargetDescription.Call;
import io.cutover.load.RestTargetDescription.TargetObject;
import io.cutover.mapping.MappingCatalog;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.http.HttpEndpoints;
import io.cutover.http.RetryAfter;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The load stage for a CRM's REST API (routes/load-rest-target.yaml): decides each record's calls, from the target
 * description, and what each answer means for the record: loaded, rejected for good, or to be retried.
 *
 * <p>Without an upsert, a record is never created blindly: a record the ledger does not know is first searched by
 * its legacy id, so that a create whose answer was lost (a timeout, a 5xx after the write) is found, not made twice.
 */
@Singleton
@Named("restTarget")
public class RestTarget {

    /** The variable that holds the record's next call; none when the record is marked. */
    public static final String CALL = "call";
    /** The variable that holds, after a 429 answer, the milliseconds the target asked to wait (Retry-After). */
    public static final String RETRY_AFTER = "retryAfter";
    private static final Configuration JSON = Configuration.builder().jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider()).build();
    private static final int SNIPPET = 300;

    private final TargetChoice target;
    private final MappingCatalog mappings;
    private final Ledger ledger;
    /**
     * The records (run, object, legacy id) whose create or upsert got no answer (none in time, or a 5xx other than 503,
     * which refuses before any work), so may have created them: found by a later attempt, they count as loaded, not
     * updated. Kept in memory: after a restart, such a record counts as updated.
     */
    private final Set<String> unansweredWrites = ConcurrentHashMap.newKeySet();

    RestTarget(TargetChoice target, MappingCatalog mappings, Ledger ledger) {
        this.target = target;
        this.mappings = mappings;
        this.ledger = ledger;
    }

    /** The record's first call: its upsert, the update of the target record the ledger knows, or a search for it. */
    public RestCall firstCall(@Body PipelineRecord record) {
        TargetObject object = object(record);
        if (object.upsert().isPresent()) {
            boolean mayHaveCreated = unansweredWrites.contains(key(record))
                    && ledger.targetId(record.getObject(), record.getLegacyId()).isEmpty();
            return call(Operation.UPSERT, object, object.upsert().get(), record, null, false, mayHaveCreated);
        }
        Optional<String> known = ledger.targetId(record.getObject(), record.getLegacyId());
        if (known.isPresent()) {
            return call(Operation.UPDATE, object, object.update().orElseThrow(), record, known.get(), true, false);
        }
        return search(object, record);
    }

    /** Sets the call's method, URL and credential as headers; the body is the record's fields, or none for a search. */
    public Map<String, Object> request(@Variable(CALL) RestCall call, Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, call.request().method());
        exchange.getMessage().setHeader(Exchange.HTTP_URI, call.url());
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, call.request().query());
        exchange.getMessage().setHeader("Accept", "application/json");
        call.credential().ifPresent(credential -> exchange.getMessage().setHeader(credential.header(), credential.value()));
        return call.body();
    }

    /**
     * What the answer means: the record is marked, or the next call is set (after a search, or for a record deleted in
     * the target); after a 429, the variable {@value #RETRY_AFTER} holds the wait the target asked for.
     */
    public void answered(@Variable("record") PipelineRecord record, @Variable(CALL) RestCall call,
            @Header(Exchange.HTTP_RESPONSE_CODE) int status, @Header("Retry-After") String retryAfter, @Body String answer,
            Exchange exchange) {
        if (isWrite(call) && status >= 500 && status != 503) {
            unansweredWrites.add(key(record));
        }
        RestCall next = next(record, call, status, retryAfter, answer, exchange);
        if (!record.isLoadable()) {
            unansweredWrites.remove(key(record));
        }
        exchange.setVariable(CALL, next);
    }

    /** The call got no answer (a timeout, a refused or broken connection): another attempt may get one. */
    public void unanswered(@Variable("record") PipelineRecord record, @Variable(CALL) RestCall call,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure, Exchange exchange) {
        if (isWrite(call)) {
            unansweredWrites.add(key(record));
        }
        boolean timedOut = failure instanceof SocketTimeoutException || failure.getCause() instanceof SocketTimeoutException;
        record.retry(timedOut ? "TARGET_TIMEOUT" : "TARGET_UNREACHABLE", failure(record, call, (timedOut
                ? "got no answer within the timeout (" + target.restTarget().timeout().toMillis() + " ms)"
                : "got no answer") + ": " + failure.getMessage()));
        exchange.setVariable(CALL, null);
    }

    private RestCall next(PipelineRecord record, RestCall call, int status, String retryAfter, String answer, Exchange exchange) {
        TargetObject object = object(record);
        if (status >= 200 && status < 300) {
            return succeeded(record, call, object, status, answer);
        }
        if (status == 404 && call.operation() == Operation.UPDATE && call.fromLedger()) {
            // the target record the ledger knows was deleted in the target since: find the record again, or create it
            return search(object, record);
        }
        String problem = failure(record, call, "answered " + status + ": " + snippet(answer));
        if (status == 429) {
            Duration wait = RetryAfter.wait(retryAfter, Duration.ofSeconds(1));
            exchange.setVariable(RETRY_AFTER, wait.toMillis());
            record.retry("HTTP_429", problem + " (Retry-After: " + wait.toMillis() + " ms)");
        } else if (status == 408 || status >= 500) {
            record.retry("HTTP_" + status, problem);
        } else {
            record.reject("HTTP_" + status, problem);
        }
        return null;
    }

    private RestCall succeeded(PipelineRecord record, RestCall call, TargetObject object, int status, String answer) {
        try {
            switch (call.operation()) {
                case SEARCH -> {
                    return found(record, call, object, answer);
                }
                case UPDATE -> {
                    // an update may answer 204 without a body: the id is the one it was sent to
                    record.loaded(call.targetId(), call.mayHaveCreated());
                    return null;
                }
                default -> {
                    String id = idIn(JsonPath.using(JSON).parse(answer), object.id());
                    if (id == null) {
                        record.reject("TARGET_ID_MISSING", failure(record, call, "answered " + status + " without an id at "
                                + object.id().getPath() + " (the description's id): " + snippet(answer)));
                    } else {
                        record.loaded(id, call.operation() == Operation.CREATE || status == 201 || call.mayHaveCreated());
                    }
                    return null;
                }
            }
        } catch (JsonPathException | IllegalArgumentException e) {
            record.reject("TARGET_ANSWER_UNREADABLE", failure(record, call, "answered " + status + " with what is not the "
                    + "JSON the description expects (" + e.getMessage() + "): " + snippet(answer)));
            return null;
        }
    }

    /** After a search: none found, create it; one, update it; several, the target already holds duplicates. */
    private RestCall found(PipelineRecord record, RestCall call, TargetObject object, String answer) {
        RestTargetDescription.Search search = object.search().orElseThrow();
        Object results = JsonPath.using(JSON).parse(answer).read(search.results());
        if (!(results instanceof List<?> list)) {
            throw new IllegalArgumentException("no list of records at " + search.results().getPath());
        }
        List<String> ids = new ArrayList<>();
        for (Object result : list) {
            // a field the results leave out cannot disprove the match; a different value does (a partial match)
            Object legacyId = result instanceof Map<?, ?> fields ? fields.get(object.legacyIdField()) : null;
            if (legacyId == null || Objects.equals(String.valueOf(legacyId), record.getLegacyId())) {
                String id = idIn(JsonPath.using(JSON).parse(result), search.id());
                if (id == null) {
                    throw new IllegalArgumentException("a record found has no id at " + search.id().getPath());
                }
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return call(Operation.CREATE, object, object.create().orElseThrow(), record, null, false, false);
        }
        if (ids.size() > 1) {
            record.reject("DUPLICATE_IN_TARGET", failure(record, call, "found " + ids.size() + " records with the legacy id "
                    + record.getLegacyId() + " in " + object.legacyIdField() + ": " + ids + "; merge them in the target, "
                    + "then load the record again"));
            return null;
        }
        // the ledger does not know it: an earlier create whose answer was lost made it, or it was in the target before
        return call(Operation.UPDATE, object, object.update().orElseThrow(), record, ids.get(0), false,
                unansweredWrites.contains(key(record)));
    }

    private static boolean isWrite(RestCall call) {
        return call.operation() == Operation.CREATE || call.operation() == Operation.UPSERT;
    }

    private static String key(PipelineRecord record) {
        return record.getRunId() + "/" + record.getObject() + "/" + record.getLegacyId();
    }

    private RestCall search(TargetObject object, PipelineRecord record) {
        return call(Operation.SEARCH, object, object.search().orElseThrow().call(), record, null, false, false);
    }

    private RestCall call(Operation operation, TargetObject object, Call call, PipelineRecord record, String targetId,
            boolean fromLedger, boolean mayHaveCreated) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("legacyId", record.getLegacyId());
        if (targetId != null) {
            values.put("id", targetId);
        }
        RestTargetDescription.Rendered request = call.render(values);
        return new RestCall(operation, endpoint(object), object.baseUrl() + request.path(), request, object.credential(),
                operation == Operation.SEARCH ? null : body(object, record), targetId, fromLedger, mayHaveCreated);
    }

    /** The mapped fields, with the legacy id in the CRM's legacy id field instead of the mapping's external id field. */
    private Map<String, Object> body(TargetObject object, PipelineRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(object.legacyIdField(), record.getLegacyId());
        String externalIdField = mappings.forObject(record.getObject()).externalIdField();
        record.getFields().forEach((field, value) -> {
            if (!field.equals(externalIdField)) {
                body.put(field, value);
            }
        });
        return body;
    }

    /** One camel-http endpoint per server, with the description's timeout: the load step retries, counted. */
    private String endpoint(TargetObject object) {
        return HttpEndpoints.forServer(object.baseUrl(), target.restTarget().timeout());
    }

    private TargetObject object(PipelineRecord record) {
        return target.restTarget().find(record.getObject()).orElseThrow(() -> new IllegalStateException(
                "The REST target's description has no entry for " + record.getObject()));
    }

    private static String idIn(DocumentContext answer, JsonPath id) {
        Object value = answer.read(id);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    /** Names the record (where it came from, its object and legacy id) and the call, as every reject and retry does. */
    private static String failure(PipelineRecord record, RestCall call, String what) {
        return record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId() + ": " + call + " " + what;
    }

    private static String snippet(String answer) {
        if (answer == null || answer.isBlank()) {
            return "(no body)";
        }
        String flat = answer.strip().replaceAll("\\s+", " ");
        return flat.length() > SNIPPET ? flat.substring(0, SNIPPET) + "…" : flat;
    }

}
