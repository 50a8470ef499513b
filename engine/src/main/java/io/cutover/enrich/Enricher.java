package io.cutover.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.Preflight;
import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.schema.TargetSchema;
import io.cutover.state.Ledger;
import io.cutover.state.RunRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

/**
 * The content enricher: completes a batch of mapped records with the ids only the ledger or the target knows, before
 * it is loaded. A parent named by its legacy id becomes the target id the ledger holds for it, with one ledger query
 * per parent object and batch. A mapping's {@code find} (e.g. the User whose Email is the legacy owner's e-mail)
 * becomes the id of that record, found with one SOQL query per batch of distinct values ({@code WHERE Email IN
 * (...)}), each value asked once per run.
 */
@Singleton
@Named("enricher")
public class Enricher {

    private static final Logger LOG = Logger.getLogger(Enricher.class);

    /**
     * Stands in, in a dry run, for the target id of a parent that would be loaded by the same run: the parent object's
     * key prefix, then this, so that it passes the checks a real id of that object passes.
     */
    static final String DRY_RUN_ID_SUFFIX = "DRYRUN000000000";

    private final MappingCatalog mappings;
    private final TargetQueries target;
    private final FoundIds found;
    private final int valuesPerQuery;
    private final Ledger ledger;
    private final RunRepository runs;
    private final TargetSchema schema;

    Enricher(MappingCatalog mappings, TargetQueries target, Ledger ledger, RunRepository runs, TargetSchema schema,
            EnrichConfig enrich) {
        this.ledger = ledger;
        this.runs = runs;
        this.schema = schema;
        this.mappings = mappings;
        this.target = target;
        this.found = new FoundIds(enrich.cacheSize());
        this.valuesPerQuery = enrich.valuesPerQuery();
    }

    /**
     * Sets the parents and fills the find fields of the batch's records still to load, or rejects the records it cannot
     * complete; finds the target records of the batch's deletions.
     */
    public void enrich(@Body List<PipelineRecord> batch, @ExchangeProperty("dryRun") Boolean dryRun,
            @ExchangeProperty("plannedObjects") List<String> plannedObjects) {
        findDeleted(batch.stream().filter(record -> record.isLoadable() && record.isDeletion()).toList());
        List<PipelineRecord> loadable = batch.stream().filter(record -> record.isLoadable() && !record.isDeletion()).toList();
        if (loadable.isEmpty()) {
            return;
        }
        String object = loadable.get(0).getObject();
        String runId = loadable.get(0).getRunId();
        setParents(loadable, runId, Boolean.TRUE.equals(dryRun), plannedObjects == null ? List.of() : plannedObjects);
        List<PipelineRecord> withParents = loadable.stream().filter(PipelineRecord::isLoadable).toList();
        Map<String, FieldRule.Find> finds = new LinkedHashMap<>();
        mappings.forObject(object).fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Find find) {
                finds.put(field, find);
            }
        });
        Answers answers = new Answers();
        finds.forEach((field, find) -> ask(find, valuesToAsk(field, find, withParents, runId, answers), runId, object, answers));
        for (PipelineRecord record : withParents) {
            complete(record, finds, answers);
        }
        leaveCreateOnlyFieldsOutOfUpdates(withParents, object);
    }

    /**
     * Salesforce sets some fields only when it creates a record (a CampaignMember's CampaignId, an
     * OpportunityContactRole's OpportunityId) and refuses an update that carries one, even with the value it holds
     * ({@code INVALID_FIELD_FOR_INSERT_UPDATE}): a record the target holds already is sent without them.
     */
    private void leaveCreateOnlyFieldsOutOfUpdates(List<PipelineRecord> records, String object) {
        Set<String> createOnly = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        schema.find(object).ifPresent(describe -> describe.fields().values().stream()
                .filter(field -> field.createable() && !field.updateable())
                .forEach(field -> createOnly.add(field.name())));
        if (createOnly.isEmpty()) {
            return;
        }
        records.stream().filter(record -> record.isLoadable() && record.getTargetId() != null)
                .forEach(record -> record.getFields().keySet().removeIf(createOnly::contains));
    }

    /**
     * Each parent reference becomes the parent's target id, as the ledger holds it: one query per parent object for the
     * batch. A parent not in the target yet is deferred when this run may still load it (a record of the same object
     * further on, an object the run reads later), stands in with a dry-run id when a dry run took it, and otherwise
     * rejects the record ({@code PARENT_NOT_LOADED}). The first parent set orders the record's batch.
     */
    private void setParents(List<PipelineRecord> records, String runId, boolean dryRun, List<String> plannedObjects) {
        findPolymorphicParents(records);
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        records.forEach(record -> record.getParentReferences().stream().filter(parent -> parent.parentObject() != null)
                .forEach(parent -> wanted.computeIfAbsent(parent.parentObject(), object -> new ArrayList<>())
                        .add(parent.parentLegacyId())));
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Map<String, Ledger.Entry>> inTarget = new HashMap<>();
        Map<String, Set<String>> takenByDryRun = new HashMap<>();
        Map<String, Boolean> loadedLater = new HashMap<>();
        String object = records.get(0).getObject();
        wanted.forEach((parentObject, legacyIds) -> {
            List<String> distinct = legacyIds.stream().distinct().toList();
            Map<String, Ledger.Entry> entries = ledger.entries(parentObject, distinct);
            inTarget.put(parentObject, entries);
            List<String> missing = distinct.stream().filter(id -> targetId(entries, id) == null).toList();
            takenByDryRun.put(parentObject, dryRun && !missing.isEmpty() ? ledger.inRun(runId, parentObject, missing) : Set.of());
            loadedLater.put(parentObject, parentObject.equals(object)
                    || plannedObjects.contains(parentObject) && !runs.wasRead(runId, parentObject));
        });
        for (PipelineRecord record : records) {
            String parentKey = "";
            for (PipelineRecord.ParentReference parent : record.getParentReferences()) {
                if (!record.isLoadable()) {
                    break;
                }
                if (parent.parentObject() == null) {
                    reject(record, "PARENT_NOT_LOADED", parent.field(), parent.parentLegacyId(), "no "
                            + String.join(" or ", parent.candidates()) + " with this legacy id (column " + parent.column()
                            + ") is in the target");
                    break;
                }
                String targetId = targetId(inTarget.get(parent.parentObject()), parent.parentLegacyId());
                if (targetId == null && takenByDryRun.get(parent.parentObject()).contains(parent.parentLegacyId())) {
                    targetId = schema.keyPrefix(parent.parentObject()).orElse("000") + DRY_RUN_ID_SUFFIX;
                }
                if (targetId == null && loadedLater.get(parent.parentObject())) {
                    record.getFields().remove(parent.field());
                    record.defer(parent.field(), parent.parentObject(), parent.parentLegacyId());
                    continue;
                }
                if (targetId == null) {
                    reject(record, "PARENT_NOT_LOADED", parent.field(), parent.parentLegacyId(), "no "
                            + parent.parentObject() + " with this legacy id (column " + parent.column() + ") is in the target");
                    break;
                }
                record.getFields().put(parent.field(), targetId);
                if (parentKey.isEmpty()) {
                    parentKey = parent.parentObject() + "/" + parent.parentLegacyId();
                }
            }
            record.withParentKey(parentKey);
        }
    }

    /**
     * The parent object of each polymorphic reference without a type column: the candidate whose ledger holds the legacy
     * id, one query per candidate object for the batch. A legacy id that several candidates hold is ambiguous and rejects
     * the record; one that none holds stays unresolved, and is rejected as not loaded.
     */
    private void findPolymorphicParents(List<PipelineRecord> records) {
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        records.forEach(record -> record.getParentReferences().stream().filter(parent -> parent.parentObject() == null)
                .forEach(parent -> parent.candidates().forEach(candidate -> wanted
                        .computeIfAbsent(candidate, object -> new ArrayList<>()).add(parent.parentLegacyId()))));
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Set<String>> held = new HashMap<>();
        wanted.forEach((object, ids) -> held.put(object, ledger.entries(object, ids.stream().distinct().toList()).keySet()));
        for (PipelineRecord record : records) {
            for (PipelineRecord.ParentReference parent : List.copyOf(record.getParentReferences())) {
                if (parent.parentObject() != null || !record.isLoadable()) {
                    continue;
                }
                List<String> holders = parent.candidates().stream()
                        .filter(candidate -> held.get(candidate).contains(parent.parentLegacyId())).toList();
                if (holders.size() == 1) {
                    record.resolve(parent, holders.get(0));
                } else if (holders.size() > 1) {
                    reject(record, "AMBIGUOUS_PARENT", parent.field(), parent.parentLegacyId(), "records of "
                            + holders + " hold it: name the object in a type column (typeColumn)");
                }
            }
        }
    }

    /** The parent's target id; a parent merged into a duplicate stands in the target as its survivor. */
    private static String targetId(Map<String, Ledger.Entry> entries, String legacyId) {
        Ledger.Entry entry = entries.get(legacyId);
        return entry == null ? null : entry.targetIdOrSurvivors();
    }

    /**
     * The target ids of records the legacy CRM deleted, asked of the target by external id: the ledger may not know one
     * (a run killed between the target's answer and the ledger's write). A deletion the target has no record for keeps
     * no id, and the ledger's is tried; a failed query leaves it to the ledger too.
     */
    private void findDeleted(List<PipelineRecord> deletions) {
        if (deletions.isEmpty()) {
            return;
        }
        String object = deletions.get(0).getObject();
        String externalId = mappings.forObject(object).externalIdField();
        for (int from = 0; from < deletions.size(); from += valuesPerQuery) {
            List<PipelineRecord> chunk = deletions.subList(from, Math.min(from + valuesPerQuery, deletions.size()));
            String soql = soql(mappings.forObject(object).object(), externalId,
                    chunk.stream().map(PipelineRecord::getLegacyId).toList(), null);
            Map<String, String> ids = new HashMap<>();
            try {
                for (JsonNode record : target.records(soql, chunk.get(0).getRunId(), object)) {
                    ids.put(fieldValue(record, externalId).toLowerCase(Locale.ROOT), record.path("Id").asText());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("The target did not answer which of %d deleted %s records it holds; the ledger's ids are used: %s",
                        chunk.size(), object, e.getMessage());
                continue;
            }
            chunk.forEach(record -> record.withTargetId(ids.get(record.getLegacyId().toLowerCase(Locale.ROOT))));
        }
    }

    /** What the target answered for the values of this batch, and the values it could not be asked about. */
    private static final class Answers {
        final Map<String, List<String>> ids = new HashMap<>();
        final Map<String, String> failures = new HashMap<>();
    }

    /** The values of the field the run has not asked the target about yet; the others' answers go to {@code answers}. */
    private Set<String> valuesToAsk(String field, FieldRule.Find find, List<PipelineRecord> records, String runId,
            Answers answers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PipelineRecord record : records) {
            Object value = record.getFields().get(field);
            if (value != null) {
                String key = key(find, value.toString());
                found.get(runId, key).ifPresentOrElse(ids -> answers.ids.put(key, ids),
                        () -> values.putIfAbsent(key, value.toString()));
            }
        }
        return new LinkedHashSet<>(values.values());
    }

    /** One query per {@code valuesPerQuery} values; a value the target has no record for is remembered with no id. */
    private void ask(FieldRule.Find find, Set<String> values, String runId, String object, Answers answers) {
        Iterator<String> remaining = values.iterator();
        while (remaining.hasNext()) {
            List<String> chunk = new ArrayList<>();
            while (remaining.hasNext() && chunk.size() < valuesPerQuery) {
                chunk.add(remaining.next());
            }
            Map<String, List<String>> ids = new HashMap<>();
            chunk.forEach(value -> ids.put(key(find, value), new ArrayList<>()));
            String soql = soql(find, chunk);
            try {
                for (JsonNode record : target.records(soql, runId, object)) {
                    List<String> matching = ids.get(key(find, fieldValue(record, find.by())));
                    if (matching != null) {
                        matching.add(record.path("Id").asText());
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("The target did not answer a query for %d values of %s.%s: %s", chunk.size(), find.object(),
                        find.by(), e.getMessage());
                chunk.forEach(value -> answers.failures.put(key(find, value), problem(e)));
                continue;
            }
            ids.forEach((key, recordIds) -> {
                answers.ids.put(key, recordIds);
                found.put(runId, key, recordIds);
            });
        }
    }

    /** The record's finds filled, then the target's checks of them and of its parents. */
    private void complete(PipelineRecord record, Map<String, FieldRule.Find> finds, Answers answers) {
        Map<String, Object> fields = record.getFields();
        for (Map.Entry<String, FieldRule.Find> entry : finds.entrySet()) {
            String field = entry.getKey();
            FieldRule.Find find = entry.getValue();
            Object value = fields.get(field);
            if (value == null) {
                whenNotFound(record, field, find);
                continue;
            }
            String key = key(find, value.toString());
            if (answers.failures.containsKey(key)) {
                reject(record, "LOOKUP_FAILED", field, value, answers.failures.get(key));
                return;
            }
            List<String> ids = answers.ids.get(key);
            if (ids.size() > 1) {
                reject(record, "AMBIGUOUS_IN_TARGET", field, value, ids.size() + " records of " + find.object() + " have "
                        + find.by() + " '" + value + "': " + String.join(", ", ids));
                return;
            }
            if (ids.isEmpty() && find.notFound() == FieldRule.WhenNotFound.REJECT) {
                reject(record, "NOT_FOUND_IN_TARGET", field, value, "the target has no " + find.object() + " whose "
                        + find.by() + " is '" + value + "'" + (find.where() == null ? "" : " and " + find.where()));
                return;
            }
            if (ids.isEmpty()) {
                whenNotFound(record, field, find);
            } else {
                fields.put(field, ids.get(0));
            }
        }
        Preflight.Violation violation = mappings.checkFound(record.getObject(), fields);
        if (violation != null) {
            reject(record, violation.reasonCode(), violation.field(), violation.value(), violation.problem());
        }
    }

    /** A value the target has no record for, or no value: the default id, or the field left out of the record. */
    private static void whenNotFound(PipelineRecord record, String field, FieldRule.Find find) {
        switch (find.notFound()) {
            case DEFAULT -> record.getFields().put(field, find.defaultId());
            case LEAVE -> record.getFields().remove(field);
            // no value to find: the field stays empty, which pre-flight refuses for a field the target requires
            case REJECT -> { }
        }
    }

    private static void reject(PipelineRecord record, String code, String field, Object value, String problem) {
        record.reject(code, RecordMapper.rejectMessage(record.getSourceRef(), record.getObject(), record.getLegacyId(),
                field, value, problem));
    }

    /** {@code SELECT Id, Email FROM User WHERE Email IN ('a@x.fr', ...) AND (IsActive = true)}. */
    static String soql(FieldRule.Find find, List<String> values) {
        return soql(find.object(), find.by(), values, find.where());
    }

    /** {@code SELECT Id, <field> FROM <object> WHERE <field> IN (<values as literals>) [AND (<where>)]}. */
    private static String soql(String object, String field, List<String> values, String where) {
        StringBuilder soql = new StringBuilder("SELECT Id, ").append(field).append(" FROM ").append(object)
                .append(" WHERE ").append(field).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            soql.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
        }
        soql.append(')');
        if (where != null) {
            soql.append(" AND (").append(where).append(')');
        }
        return soql.toString();
    }

    /** A SOQL string literal: quotes and backslashes escaped as SOQL requires. */
    public static String literal(String value) {
        StringBuilder literal = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            literal.append(switch (c) {
                case '\'' -> "\\'";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.valueOf(c);
            });
        }
        return literal.append('\'').toString();
    }

    /** SOQL compares text without regard to case: so do the answers and the cache. */
    private static String key(FieldRule.Find find, String value) {
        return find.object() + '\u001f' + find.by() + '\u001f' + find.where() + '\u001f' + value.toLowerCase(Locale.ROOT);
    }

    /** The field's value in a query's record; Salesforce answers with the describe's spelling of the name. */
    private static String fieldValue(JsonNode record, String field) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue().asText();
            }
        }
        return "";
    }

    private static String problem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "the query to the target failed: " + cause.getMessage();
    }
}
