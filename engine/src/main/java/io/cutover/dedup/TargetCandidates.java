package io.cutover.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.enrich.EnrichConfig;
import io.cutover.enrich.Enricher;
import io.cutover.enrich.TargetQueries;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The records already in the target that the records to load may duplicate: those holding one of their values of a
 * rules file's {@code lookupInTarget} fields, found with the enricher's batched SOQL queries ({@code WHERE Phone IN
 * (...)}, {@code cutover.enrich.values-per-query} values a query). What the target answered is kept for the run, so that
 * no value is asked twice in it (up to {@code cutover.enrich.cache-size} values); a new run asks again, as the target may have changed in between.
 */
@Singleton
public class TargetCandidates {

    /** A record of the target: its id, its external id's value (empty when none), and its values of the fields read. */
    public record Candidate(String id, String externalId, Map<String, String> fields) {
    }

    private final TargetQueries target;
    private final int valuesPerQuery;
    private final Map<String, List<Candidate>> byValue;
    private String runId;

    TargetCandidates(TargetQueries target, EnrichConfig enrich) {
        this.target = target;
        this.valuesPerQuery = enrich.valuesPerQuery();
        int cacheSize = enrich.cacheSize();
        // the least recently used answers forgotten past the enricher's cache size: memory stays bounded on any export
        this.byValue = new LinkedHashMap<>(Math.min(cacheSize, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Candidate>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /**
     * The target's records of the sObject holding any of the values, each once.
     *
     * @param valuesByField per field looked up, the values of the records to load
     * @param fieldsToRead the fields read of each candidate (the rules' and the mapping's)
     * @throws IOException or a camel-salesforce exception when a query fails
     */
    public synchronized Collection<Candidate> find(String runId, String object, String sObject, String externalIdField,
            Map<String, Set<String>> valuesByField, Set<String> fieldsToRead) throws IOException {
        if (!runId.equals(this.runId)) {
            byValue.clear();
            this.runId = runId;
        }
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> lookup : valuesByField.entrySet()) {
            String field = lookup.getKey();
            List<String> toAsk = new ArrayList<>();
            for (String value : lookup.getValue()) {
                List<Candidate> known = byValue.get(key(sObject, field, value));
                if (known == null) {
                    toAsk.add(value);
                } else {
                    known.forEach(candidate -> found.putIfAbsent(candidate.id(), candidate));
                }
            }
            for (int from = 0; from < toAsk.size(); from += valuesPerQuery) {
                List<String> chunk = toAsk.subList(from, Math.min(from + valuesPerQuery, toAsk.size()));
                Map<String, List<Candidate>> answered = new HashMap<>();
                chunk.forEach(value -> answered.put(key(sObject, field, value), new ArrayList<>()));
                for (JsonNode record : target.records(soql(sObject, externalIdField, field, chunk, fieldsToRead), runId,
                        object)) {
                    Candidate candidate = candidate(record, externalIdField, fieldsToRead);
                    found.putIfAbsent(candidate.id(), candidate);
                    List<Candidate> holding = answered.get(key(sObject, field, candidate.fields().getOrDefault(field, "")));
                    if (holding != null) {
                        holding.add(candidate);
                    }
                }
                // remembered once answered: a failed query is asked again
                byValue.putAll(answered);
            }
        }
        return found.values();
    }

    /** {@code SELECT Id, Legacy_Id__c, Name, Phone, … FROM Account WHERE Phone IN ('+33142685300', …)}. */
    static String soql(String sObject, String externalIdField, String field, List<String> values, Set<String> fieldsToRead) {
        StringBuilder soql = new StringBuilder("SELECT Id, ").append(externalIdField);
        fieldsToRead.stream().filter(read -> !read.equalsIgnoreCase("Id") && !read.equalsIgnoreCase(externalIdField))
                .forEach(read -> soql.append(", ").append(read));
        soql.append(" FROM ").append(sObject).append(" WHERE ").append(field).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            soql.append(i == 0 ? "" : ", ").append(Enricher.literal(values.get(i)));
        }
        return soql.append(')').toString();
    }

    private static Candidate candidate(JsonNode record, String externalIdField, Set<String> fieldsToRead) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : fieldsToRead) {
            fields.put(field, value(record, field));
        }
        return new Candidate(record.path("Id").asText(), value(record, externalIdField), fields);
    }

    /** The field's value, empty when null; Salesforce answers with the describe's spelling of the name. */
    private static String value(JsonNode record, String field) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue().isNull() ? "" : entry.getValue().asText();
            }
        }
        return "";
    }

    /** SOQL compares text without regard to case: so does the cache. */
    private static String key(String sObject, String field, String value) {
        return sObject + '\u001f' + field + '\u001f' + value.toLowerCase(Locale.ROOT);
    }
}
