package io.cutover.sandbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.sandbox.soql.Condition;
import io.cutover.sandbox.soql.Literal;
import io.cutover.sandbox.soql.SoqlException;
import io.cutover.sandbox.soql.SoqlParser;
import io.cutover.sandbox.soql.SoqlQuery;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs parsed SOQL over the stored records and pages the answer 2,000 records at a time, like Salesforce. */
@ApplicationScoped
public class QueryEngine {

    static final int PAGE_SIZE = 2000;

    @Inject
    TargetSchema schema;

    @Inject
    RecordStore store;

    @Inject
    QueryCursors cursors;

    public QueryResult run(String soql, String version) {
        return run(soql, version, false);
    }

    /** {@code queryAll}: the records in the recycle bin too, with {@code IsDeleted} true. */
    public QueryResult runAll(String soql, String version) {
        return run(soql, version, true);
    }

    private QueryResult run(String soql, String version, boolean withDeleted) {
        SoqlQuery query = SoqlParser.parse(soql);
        SObjectDescribe object = schema.find(query.objectName()).orElseThrow(() -> new SoqlException("INVALID_TYPE",
                "sObject type '" + query.objectName() + "' is not supported. If you are attempting to use a custom"
                        + " object, be sure to append the '__c' after the entity name. Please reference your WSDL or"
                        + " the describe call for the appropriate names."));
        List<FieldPath> fields = query.fields().stream().map(f -> FieldPath.resolve(f, object, schema)).toList();
        Map<String, FieldPath> conditionFields = new HashMap<>();
        collectFields(query.where(), object, conditionFields);
        List<FieldPath> order = query.orderBy().stream().map(o -> FieldPath.resolve(o.field(), object, schema))
                .toList();
        return store.read(org -> {
            if (query.count() && query.where() == null && !withDeleted) {
                long count = org.count(object.name());
                long limited = query.limit() == null ? count : Math.min(count, query.limit());
                return new QueryResult(limited, true, null, List.of());
            }
            List<StoredRecord> matches = matching(object, query, conditionFields, org, withDeleted);
            sort(matches, query.orderBy(), order, org);
            int from = Math.min(query.offset() == null ? 0 : query.offset(), matches.size());
            int to = query.limit() == null ? matches.size() : Math.min(matches.size(), from + query.limit());
            List<StoredRecord> answer = matches.subList(from, to);
            if (query.count()) {
                return new QueryResult(answer.size(), true, null, List.of());
            }
            return firstPage(object, fields, answer, version, org);
        });
    }

    /** A query's whole answer as rows of columns named as the query names its fields, for a Bulk API 2.0 query job. */
    public record Table(String object, List<String> columns, List<List<String>> rows) {
    }

    /**
     * Every record the query matches, each field as text (empty for no value), as a Bulk API 2.0 query job's CSV
     * results hold them; {@code queryAll} adds the deleted records. Aggregate queries are refused, as Bulk API 2.0 does.
     */
    public Table table(String soql, String version, boolean withDeleted) {
        SoqlQuery query = SoqlParser.parse(soql);
        if (query.count()) {
            throw new SoqlException("INVALIDJOB", "Aggregate queries are not supported by Bulk API 2.0 query jobs");
        }
        SObjectDescribe object = schema.find(query.objectName()).orElseThrow(() -> new SoqlException("INVALIDJOB",
                "Unable to find object: " + query.objectName()));
        List<FieldPath> fields = query.fields().stream().map(f -> FieldPath.resolve(f, object, schema)).toList();
        Map<String, FieldPath> conditionFields = new HashMap<>();
        collectFields(query.where(), object, conditionFields);
        List<FieldPath> order = query.orderBy().stream().map(o -> FieldPath.resolve(o.field(), object, schema))
                .toList();
        return store.read(org -> {
            List<StoredRecord> matches = matching(object, query, conditionFields, org, withDeleted);
            sort(matches, query.orderBy(), order, org);
            int from = Math.min(query.offset() == null ? 0 : query.offset(), matches.size());
            int to = query.limit() == null ? matches.size() : Math.min(matches.size(), from + query.limit());
            List<List<String>> rows = new ArrayList<>();
            for (ObjectNode record : render(object, fields, matches.subList(from, to), version, org)) {
                List<String> row = new ArrayList<>();
                for (FieldPath path : fields) {
                    JsonNode value = path.throughParent()
                            ? record.path(path.referenceField().relationshipName()).path(path.field().name())
                            : record.path(path.field().name());
                    row.add(value.isNull() || value.isMissingNode() ? "" : value.asText());
                }
                rows.add(row);
            }
            return new Table(object.name(), query.fields(), rows);
        });
    }

    /** The page of an open cursor starting at {@code position}, or empty when the cursor is unknown or expired. */
    public Optional<QueryResult> more(String locator, String version) {
        int dash = locator.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String cursorId = locator.substring(0, dash);
        int position;
        try {
            position = Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return cursors.use(cursorId).filter(cursor -> position >= 0 && position < cursor.ids().size())
                .map(cursor -> store.read(org -> {
                    int end = Math.min(cursor.ids().size(), position + PAGE_SIZE);
                    List<StoredRecord> page = org.byIds(cursor.ids().subList(position, end));
                    String next = null;
                    if (end < cursor.ids().size()) {
                        next = nextUrl(version, cursorId, end);
                    } else {
                        cursors.close(cursorId);
                    }
                    return new QueryResult(cursor.ids().size(), next == null, next,
                            render(cursor.object(), cursor.fields(), page, version, org));
                }));
    }

    private QueryResult firstPage(SObjectDescribe object, List<FieldPath> fields, List<StoredRecord> answer,
            String version, OrgTransaction org) throws SQLException {
        if (answer.size() <= PAGE_SIZE) {
            return new QueryResult(answer.size(), true, null, render(object, fields, answer, version, org));
        }
        List<String> ids = answer.stream().map(StoredRecord::id).toList();
        String cursorId = cursors.open(object, fields, ids);
        return new QueryResult(answer.size(), false, nextUrl(version, cursorId, PAGE_SIZE),
                render(object, fields, answer.subList(0, PAGE_SIZE), version, org));
    }

    private static String nextUrl(String version, String cursorId, int position) {
        return "/services/data/" + version + "/query/" + cursorId + "-" + position;
    }

    private List<StoredRecord> matching(SObjectDescribe object, SoqlQuery query, Map<String, FieldPath> fields,
            OrgTransaction org, boolean withDeleted) throws SQLException {
        List<StoredRecord> candidates = withDeleted ? null : indexedCandidates(object, query.where(), fields, org)
                .orElse(null);
        if (candidates == null) {
            candidates = org.all(object.name());
        }
        if (withDeleted) {
            candidates = new ArrayList<>(candidates);
            candidates.addAll(org.allDeleted(object.name()));
        }
        if (query.where() == null) {
            return new ArrayList<>(candidates);
        }
        Map<String, Optional<StoredRecord>> parents = new HashMap<>();
        List<StoredRecord> matches = new ArrayList<>();
        for (StoredRecord record : candidates) {
            if (record.objectName().equals(object.name()) && test(query.where(), record, fields, parents, org)) {
                matches.add(record);
            }
        }
        return matches;
    }

    /** {@code WHERE Legacy_Id__c = 'X'} and {@code WHERE Id = '...'} use the index instead of reading every record. */
    private static Optional<List<StoredRecord>> indexedCandidates(SObjectDescribe object, Condition where,
            Map<String, FieldPath> fields, OrgTransaction org) throws SQLException {
        if (!(where instanceof Condition.Comparison comparison) || !comparison.operator().equals("=")
                || comparison.value().kind() == Literal.Kind.NULL) {
            return Optional.empty();
        }
        FieldPath path = fields.get(comparison.field());
        if (path.throughParent()) {
            return Optional.empty();
        }
        if (path.field().type().equals("id")) {
            String id = SalesforceIds.normalize(comparison.value().text());
            return Optional.of(id == null ? List.of() : org.find(id).map(List::of).orElse(List.of()));
        }
        if (RecordKeys.isIndexed(path.field())) {
            JsonNode value = JsonNodeFactory.instance.textNode(comparison.value().text());
            return Optional.of(org.byIds(org.idsByKey(object.name(), path.field().name(), RecordKeys.keyOf(value))));
        }
        return Optional.empty();
    }

    private boolean test(Condition condition, StoredRecord record, Map<String, FieldPath> fields,
            Map<String, Optional<StoredRecord>> parents, OrgTransaction org) throws SQLException {
        if (condition instanceof Condition.And and) {
            for (Condition part : and.parts()) {
                if (!test(part, record, fields, parents, org)) {
                    return false;
                }
            }
            return true;
        }
        if (condition instanceof Condition.Or or) {
            for (Condition part : or.parts()) {
                if (test(part, record, fields, parents, org)) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Condition.Not not) {
            return !test(not.condition(), record, fields, parents, org);
        }
        if (condition instanceof Condition.In in) {
            FieldPath path = fields.get(in.field());
            Comparable<?> value = TypedValues.ofStored(path.field(), path.valueOf(record, parents, org));
            boolean found = false;
            for (Literal literal : in.values()) {
                Comparable<?> candidate = TypedValues.ofLiteral(path.field(), literal);
                found |= value == null ? candidate == null
                        : candidate != null && TypedValues.compare(value, candidate) == 0;
            }
            return found != in.negated();
        }
        Condition.Comparison comparison = (Condition.Comparison) condition;
        FieldPath path = fields.get(comparison.field());
        JsonNode stored = path.valueOf(record, parents, org);
        if (comparison.operator().equals("LIKE")) {
            return !stored.isNull() && likePattern(comparison.value().text()).matcher(stored.asText()).matches();
        }
        Comparable<?> value = TypedValues.ofStored(path.field(), stored);
        Comparable<?> literal = TypedValues.ofLiteral(path.field(), comparison.value());
        if (value == null || literal == null) {
            boolean bothNull = value == null && literal == null;
            return switch (comparison.operator()) {
                case "=" -> bothNull;
                case "!=" -> !bothNull;
                default -> false;
            };
        }
        int order = TypedValues.compare(value, literal);
        return switch (comparison.operator()) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new SoqlException("MALFORMED_QUERY", "unexpected token: " + comparison.operator());
        };
    }

    /** SOQL LIKE is case-insensitive; % matches any run of characters and _ exactly one. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            regex.append(switch (c) {
                case '%' -> ".*";
                case '_' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private void sort(List<StoredRecord> records, List<SoqlQuery.OrderItem> items, List<FieldPath> paths,
            OrgTransaction org) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Map<String, Optional<StoredRecord>> parents = new HashMap<>();
        Map<String, List<Comparable<?>>> keys = new HashMap<>();
        for (StoredRecord record : records) {
            List<Comparable<?>> key = new ArrayList<>();
            for (FieldPath path : paths) {
                key.add(TypedValues.ofStored(path.field(), path.valueOf(record, parents, org)));
            }
            keys.put(record.id(), key);
        }
        Comparator<StoredRecord> comparator = (left, right) -> {
            for (int i = 0; i < items.size(); i++) {
                int order = compareNullable(keys.get(left.id()).get(i), keys.get(right.id()).get(i), items.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
        records.sort(comparator);
    }

    private static int compareNullable(Comparable<?> left, Comparable<?> right, SoqlQuery.OrderItem item) {
        if (left == null || right == null) {
            if (left == right) {
                return 0;
            }
            return (left == null) == item.nullsFirst() ? -1 : 1;
        }
        int order = TypedValues.compare(left, right);
        return item.descending() ? -order : order;
    }

    private List<ObjectNode> render(SObjectDescribe object, List<FieldPath> fields, List<StoredRecord> records,
            String version, OrgTransaction org) throws SQLException {
        Map<String, Optional<StoredRecord>> parents = new HashMap<>();
        List<ObjectNode> rendered = new ArrayList<>();
        for (StoredRecord record : records) {
            ObjectNode row = RecordRendering.attributes(object.name(), record.id(), version);
            for (FieldPath path : fields) {
                if (!path.throughParent()) {
                    row.set(path.field().name(), path.valueOf(record, parents, org));
                    continue;
                }
                String relationship = path.referenceField().relationshipName();
                Optional<StoredRecord> parent = path.parentOf(record, parents, org);
                if (parent.isEmpty()) {
                    row.putNull(relationship);
                } else {
                    JsonNode nested = row.get(relationship);
                    ObjectNode parentRow = nested instanceof ObjectNode existing ? existing
                            : RecordRendering.attributes(parent.get().objectName(), parent.get().id(), version);
                    parentRow.set(path.field().name(), path.valueOf(record, parents, org));
                    row.set(relationship, parentRow);
                }
            }
            rendered.add(row);
        }
        return rendered;
    }

    private void collectFields(Condition condition, SObjectDescribe object, Map<String, FieldPath> fields) {
        if (condition instanceof Condition.And and) {
            and.parts().forEach(part -> collectFields(part, object, fields));
        } else if (condition instanceof Condition.Or or) {
            or.parts().forEach(part -> collectFields(part, object, fields));
        } else if (condition instanceof Condition.Not not) {
            collectFields(not.condition(), object, fields);
        } else if (condition instanceof Condition.In in) {
            fields.put(in.field(), FieldPath.resolve(in.field(), object, schema));
        } else if (condition instanceof Condition.Comparison comparison) {
            fields.put(comparison.field(), FieldPath.resolve(comparison.field(), object, schema));
        }
    }
}
