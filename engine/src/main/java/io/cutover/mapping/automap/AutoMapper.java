package io.cutover.mapping.automap;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.mapping.automap.MappingProposal.ProposedField;
import io.cutover.mapping.automap.MappingProposal.UnmatchedColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes which export column feeds which target field, from the export's header and the target's describe: a column
 * matches a field by its API name, its label, or a synonym from {@link FieldSynonyms}, compared as
 * {@link HeaderNames#compact} makes them. A Salesforce report's header ({@code Account: Account Name}) names its
 * object first; a column of another object is left to that object's mapping. Every column that is not proposed is listed with the
 * reason, never dropped.
 */
public final class AutoMapper {

    private static final double API_NAME = 1.0;
    private static final double LABEL = 0.95;
    /** "Account Name" on Account: the label or name once the object's own name is taken off. */
    private static final double WITHOUT_OBJECT_NAME = 0.9;
    private static final double SYNONYM_FOR_OBJECT = 0.85;
    private static final double SYNONYM = 0.8;

    private final FieldSynonyms synonyms;
    /** Normalized names and labels of every described object, to tell a report header's object prefix. */
    private final Map<String, String> objectsByNormalizedName = new LinkedHashMap<>();

    /**
     * @param objectNames the described objects' API names and labels, e.g. {@code Account}, {@code Opportunity
     *                    Product}; only a prefix naming one of them is taken for a report header's object
     */
    public AutoMapper(FieldSynonyms synonyms, Map<String, String> objectNames) {
        this.synonyms = synonyms;
        objectNames.forEach((name, object) -> objectsByNormalizedName.put(HeaderNames.normalize(name), object));
    }

    /** With the objects of the global describe (Salesforce's list of sObjects, with their labels). */
    public static AutoMapper forGlobalDescribe(FieldSynonyms synonyms, JsonNode global) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode object : global.path("sobjects")) {
            names.put(object.path("name").asText(), object.path("name").asText());
            names.putIfAbsent(object.path("label").asText(object.path("name").asText()), object.path("name").asText());
        }
        return new AutoMapper(synonyms, names);
    }

    public MappingProposal propose(String object, String source, List<String> header, Collection<TargetField> fields) {
        return propose(object, source, header, fields, List.of());
    }

    /**
     * @param legacyIdColumns the source description's legacy id columns: they go to the external id field, and are not
     *     matched to another field (an {@code id} column is not the target's {@code Id})
     */
    public MappingProposal propose(String object, String source, List<String> header, Collection<TargetField> fields,
            List<String> legacyIdColumns) {
        Map<String, ProposedField> byField = new LinkedHashMap<>();
        List<UnmatchedColumn> unmatched = new ArrayList<>();
        List<ProposedField> candidates = new ArrayList<>();
        for (String column : header) {
            if (legacyIdColumns.contains(column)) {
                continue;
            }
            ReportHeader parsed = reportHeader(column);
            if (parsed.object() != null && !parsed.object().equalsIgnoreCase(object)) {
                unmatched.add(new UnmatchedColumn(column, "a report column of " + parsed.object() + ", for its own mapping"));
                continue;
            }
            Optional<ProposedField> match = match(object, column, parsed.name(), fields);
            if (match.isEmpty()) {
                unmatched.add(new UnmatchedColumn(column, "no field name, label or synonym of " + object + " matches it"));
            } else if (!writable(match.get().field(), fields)) {
                unmatched.add(new UnmatchedColumn(column, "looks like " + object + "." + match.get().field() + " ("
                        + match.get().reason() + "), which the target does not let a migration write"));
            } else {
                candidates.add(match.get());
            }
        }
        // Two columns for one field: the surer match keeps it (the first on a tie); the other is listed, not mapped.
        for (ProposedField candidate : candidates) {
            ProposedField holder = byField.get(candidate.field());
            if (holder == null || candidate.confidence() > holder.confidence()) {
                byField.put(candidate.field(), candidate);
            }
        }
        for (ProposedField candidate : candidates) {
            ProposedField holder = byField.get(candidate.field());
            if (holder != candidate) {
                unmatched.add(new UnmatchedColumn(candidate.column(), "also matches " + candidate.field() + " ("
                        + candidate.reason() + "), proposed for column '" + holder.column() + "' instead"));
            }
        }
        List<ProposedField> proposed = candidates.stream().filter(c -> byField.get(c.field()) == c).toList();
        String externalId = fields.stream().filter(f -> f.externalId() && f.createable()).map(TargetField::name)
                .findFirst().orElse(null);
        return new MappingProposal(object, source, externalId, proposed, unmatched,
                legacyIdColumns.stream().filter(header::contains).toList());
    }

    private Optional<ProposedField> match(String object, String column, String name, Collection<TargetField> fields) {
        String normalized = HeaderNames.normalize(name);
        String compact = HeaderNames.compact(name);
        String objectWord = HeaderNames.normalize(object) + " ";
        String withoutObject = normalized.startsWith(objectWord)
                ? normalized.substring(objectWord.length()).replace(" ", "") : null;
        for (TargetField field : fields) {
            if (HeaderNames.compact(field.name()).equals(compact)) {
                return Optional.of(new ProposedField(column, field.name(), field.parent(), API_NAME, "the field's API name"));
            }
        }
        for (TargetField field : fields) {
            if (HeaderNames.compact(field.label()).equals(compact)) {
                return Optional.of(new ProposedField(column, field.name(), field.parent(), LABEL,
                        "the field's label '" + field.label() + "'"));
            }
        }
        if (withoutObject != null) {
            for (TargetField field : fields) {
                if (HeaderNames.compact(field.name()).equals(withoutObject)
                        || HeaderNames.compact(field.label()).equals(withoutObject)) {
                    return Optional.of(new ProposedField(column, field.name(), field.parent(), WITHOUT_OBJECT_NAME,
                            "the field's name or label '" + field.label() + "' after the object's name"));
                }
            }
        }
        return synonyms.find(object, compact)
                .filter(synonym -> fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(synonym.field())))
                .map(synonym -> new ProposedField(column, canonical(synonym.field(), fields).name(),
                        canonical(synonym.field(), fields).parent(),
                        synonym.object() == null ? SYNONYM : SYNONYM_FOR_OBJECT,
                        "synonym '" + synonym.text() + "' (" + synonym.language() + ")"));
    }

    private static TargetField canonical(String field, Collection<TargetField> fields) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(field)).findFirst().orElseThrow();
    }

    private static boolean writable(String field, Collection<TargetField> fields) {
        return fields.stream().anyMatch(f -> f.name().equals(field) && f.createable());
    }

    /** A header split into a report's object prefix (null when there is none) and the column's own name. */
    private record ReportHeader(String object, String name) {}

    private ReportHeader reportHeader(String column) {
        int colon = column.indexOf(':');
        if (colon > 0) {
            String prefixObject = objectsByNormalizedName.get(HeaderNames.normalize(column.substring(0, colon)));
            if (prefixObject != null) {
                return new ReportHeader(prefixObject, column.substring(colon + 1).strip());
            }
        }
        return new ReportHeader(null, column);
    }
}
