package io.cutover.reverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.AccessTokens;
import io.cutover.source.RestExportReader;
import io.cutover.source.RestPages;
import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;

/**
 * One record at a time in the legacy CRM, through the calls its source description's {@code rest.writeBack} gives
 * (camel-http, authenticated, paced and retried as the source's reads are). A 4xx answer is the legacy CRM refusing
 * the write ({@link Refused}); no answer after the retries is a {@link io.cutover.source.RestExportException}, which
 * passes: the change is tried again later.
 */
@Singleton
public class LegacyRecords {

    /** The legacy CRM refused a call for good (a 4xx answer other than 404 on a read, 429 and 401). */
    public static class Refused extends RuntimeException {
        private final int status;

        Refused(RestSource.Call call, String legacyId, int status, JsonNode answer) {
            super(call.method() + " " + call.url(legacyId) + " answered " + status + (answer == null ? "" : ": " + answer));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;
    private final SourceCatalog sources;
    private final AccessTokens tokens;
    private final Map<String, RestPages> clients = new ConcurrentHashMap<>();

    LegacyRecords(ProducerTemplate camel, SourceCatalog sources, AccessTokens tokens) {
        this.camel = camel;
        this.sources = sources;
        this.tokens = tokens;
    }

    /** The record as the legacy CRM holds it now (deleted ones too, when the API serves them); empty when it has none. */
    public Optional<Map<String, String>> read(String object, String legacyId) {
        RestSource.Call call = writeBack(object).read();
        RestPages.Answer answer = client(object).send(call.method(), call.url(legacyId), null);
        if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
        }
        return Optional.of(record(call, legacyId, answer));
    }

    /** Creates a record with these values; returns it as the legacy CRM stored it, its new id included. */
    public Map<String, String> create(String object, Map<String, String> values) {
        RestSource.Call call = writeBack(object).create();
        return record(call, null, client(object).send(call.method(), call.url(null), JSON.valueToTree(values)));
    }

    /** Changes these values of the record; returns it as the legacy CRM stored it. */
    public Map<String, String> update(String object, String legacyId, Map<String, String> values) {
        RestSource.Call call = writeBack(object).update();
        return record(call, legacyId, client(object).send(call.method(), call.url(legacyId), JSON.valueToTree(values)));
    }

    /** Deletes the record; one already gone (404, 410) counts as deleted. */
    public void delete(String object, String legacyId) {
        RestSource.Call call = writeBack(object).delete();
        RestPages.Answer answer = client(object).send(call.method(), call.url(legacyId), null);
        if (answer.status() >= 400 && answer.status() != 404 && answer.status() != 410) {
            throw new Refused(call, legacyId, answer.status(), answer.body());
        }
    }

    /** The legacy id column of the object's source. */
    public String idColumn(String object) {
        return source(object).legacyIdColumn();
    }

    private static Map<String, String> record(RestSource.Call call, String legacyId, RestPages.Answer answer) {
        if (answer.status() >= 400) {
            throw new Refused(call, legacyId, answer.status(), answer.body());
        }
        if (answer.body() == null || !answer.body().isObject()) {
            throw new Refused(call, legacyId, answer.status(), answer.body());
        }
        return RestExportReader.values(answer.body());
    }

    private RestSource.WriteBack writeBack(String object) {
        return source(object).writeBack().orElseThrow(() -> new IllegalStateException(
                "The source of " + object + " has no rest.writeBack: the start-up check lets no such object through"));
    }

    private RestSource source(String object) {
        return sources.findRest(object).orElseThrow(() -> new IllegalStateException(object + " has no REST source"));
    }

    private RestPages client(String object) {
        return clients.computeIfAbsent(object, name -> new RestPages(camel, source(name), tokens));
    }
}
