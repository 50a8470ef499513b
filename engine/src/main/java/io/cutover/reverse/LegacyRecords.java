package io.cutover.reverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.AccessTokens;
import io.cutover.source.RestExportReader;
import io.cutover.source.RestPages;
import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;

/**
 * One record at a time in the legacy CRM, through the calls its source description's {@code rest.writeBack} gives
 * (camel-http, authenticated, paced and retried as the source's reads are). Of an object's several REST sources, each
 * record is read and written in the one its legacy id's namespace names, and a record created in the target is created
 * in the one whose {@code writeBack} has {@code create}. A 4xx answer is the legacy CRM refusing
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
    /** A client for each REST source, by its description file. */
    private final Map<Path, RestPages> clients = new ConcurrentHashMap<>();

    LegacyRecords(ProducerTemplate camel, SourceCatalog sources, AccessTokens tokens) {
        this.camel = camel;
        this.sources = sources;
        this.tokens = tokens;
    }

    /**
     * The REST source the reverse sync writes the record of that legacy id to: the source whose name namespaces it
     * ({@code eu:ACC1}: source {@code eu}), or the object's one source. For a record created in the target (no legacy id
     * yet), the source whose {@code rest.writeBack} has {@code create} (one, the start-up check says). Empty when no
     * source owns the legacy id.
     */
    public Optional<RestSource> writingTo(String object, String legacyId) {
        if (legacyId != null) {
            return sources.restSourceOf(object, legacyId);
        }
        return sources.restSources(object).stream()
                .filter(source -> source.writeBack().flatMap(RestSource.WriteBack::create).isPresent()).findFirst();
    }

    /** The record as the legacy CRM holds it now (deleted ones too, when the API serves them); empty when it has none. */
    public Optional<Map<String, String>> read(String object, String legacyId) {
        RestSource source = owner(object, legacyId);
        RestSource.Call call = writeBack(source).read();
        RestPages.Answer answer = client(source).send(call.method(), call.url(source.ownId(legacyId)), null);
        if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
        }
        return Optional.of(record(source, call, source.ownId(legacyId), answer));
    }

    /**
     * Creates a record with these values, in the source records created in the target go to; returns it as the legacy
     * CRM stored it, its new id included ({@link #createdId}).
     */
    public Map<String, String> create(String object, Map<String, String> values) {
        RestSource source = owner(object, null);
        RestSource.Call call = writeBack(source).create().orElseThrow();
        return record(source, call, null, client(source).send(call.method(), call.url(null),
                JSON.valueToTree(written(source, values))));
    }

    /** Changes these values of the record; returns it as the legacy CRM stored it. */
    public Map<String, String> update(String object, String legacyId, Map<String, String> values) {
        RestSource source = owner(object, legacyId);
        RestSource.Call call = writeBack(source).update();
        return record(source, call, source.ownId(legacyId), client(source).send(call.method(), call.url(source.ownId(legacyId)),
                JSON.valueToTree(written(source, values))));
    }

    /** Deletes the record; one already gone (404, 410) counts as deleted. */
    public void delete(String object, String legacyId) {
        RestSource source = owner(object, legacyId);
        RestSource.Call call = writeBack(source).delete();
        RestPages.Answer answer = client(source).send(call.method(), call.url(source.ownId(legacyId)), null);
        if (answer.status() >= 400 && answer.status() != 404 && answer.status() != 410) {
            throw new Refused(call, source.ownId(legacyId), answer.status(), answer.body());
        }
    }

    /** The legacy id column of the source records created in the target go to. */
    public String idColumn(String object) {
        return owner(object, null).legacyIdColumn();
    }

    /** The legacy id of a record {@link #create} created, namespaced as its source's records are; null if it has none. */
    public String createdId(String object, Map<String, String> created) {
        RestSource source = owner(object, null);
        String id = created.get(source.legacyIdColumn());
        return id == null || id.isBlank() ? null : source.namespaced(id);
    }

    /** The record of the answer; {@code ownId} is the id as the source's API knows it, for a refusal's message. */
    private static Map<String, String> record(RestSource source, RestSource.Call call, String ownId,
            RestPages.Answer answer) {
        if (answer.status() >= 400) {
            throw new Refused(call, ownId, answer.status(), answer.body());
        }
        if (answer.body() == null || !answer.body().isObject()) {
            throw new Refused(call, ownId, answer.status(), answer.body());
        }
        // read as the source's reads read it: with its constant columns, which the forward mapping may map
        return source.withValues(RestExportReader.values(answer.body()));
    }

    /** The values to write, without the source's constant columns: the description's, not the legacy CRM's fields. */
    private static Map<String, String> written(RestSource source, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>(values);
        fields.keySet().removeAll(source.values().keySet());
        return fields;
    }

    private static RestSource.WriteBack writeBack(RestSource source) {
        return source.writeBack().orElseThrow(() -> new IllegalStateException(source.description()
                + " has no rest.writeBack: the start-up check lets no such object through"));
    }

    private RestSource owner(String object, String legacyId) {
        return writingTo(object, legacyId).orElseThrow(() -> new IllegalStateException(legacyId == null
                ? "No REST source of " + object + " has rest.writeBack.create: the start-up check lets no such object through"
                : "No REST source of " + object + " owns the legacy id " + legacyId + " (" + sources.sourceNames(object)
                        + "): the reverse sync's plan lets no such change through"));
    }

    private RestPages client(RestSource source) {
        return clients.computeIfAbsent(source.description(), description -> new RestPages(camel, source, tokens));
    }
}
