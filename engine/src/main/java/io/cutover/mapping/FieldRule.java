package io.cutover.mapping;

import io.cutover.mapping.transform.Rejection;
import io.cutover.mapping.transform.TransformChain;
import io.cutover.schema.FieldDescribe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where one target field's value comes from. */
public sealed interface FieldRule {

    /** The source columns this rule reads, its transforms' included. */
    List<String> sourceColumns();

    /** A value computed from the record's source row, then put through a chain of transforms. */
    sealed interface Computed extends FieldRule {

        /** The value before the transforms; null when empty. */
        String input(Map<String, String> row) throws Rejection;

        TransformChain transforms();

        /** This rule with transforms that know the field the value goes to (e.g. its length, to truncate to). */
        Computed boundTo(FieldDescribe target);
    }

    /**
     * The values of one or more source columns through a chain of transforms. Several columns are joined by the
     * separator, skipping empty ones.
     */
    record Column(List<String> columns, String separator, TransformChain transforms) implements Computed {
        public Column {
            columns = List.copyOf(columns);
        }

        static Column of(String column) {
            return new Column(List.of(column), null, TransformChain.NONE);
        }

        public List<String> sourceColumns() {
            return Stream.concat(columns.stream(), transforms.columnsRead().stream()).distinct().toList();
        }

        /** The column's value, or the non-empty values of several columns joined by the separator. */
        public String input(Map<String, String> row) {
            if (columns.size() == 1) {
                return blankToNull(row.get(columns.get(0)));
            }
            StringBuilder joined = new StringBuilder();
            for (String column : columns) {
                String value = blankToNull(row.get(column));
                if (value != null) {
                    if (joined.length() > 0) {
                        joined.append(separator);
                    }
                    joined.append(value);
                }
            }
            return joined.length() == 0 ? null : joined.toString();
        }

        public Column boundTo(FieldDescribe target) {
            return new Column(columns, separator, transforms.boundTo(target));
        }
    }

    /** A Camel simple expression evaluated against the source row, through a chain of transforms. */
    record Expression(RowExpression expression, TransformChain transforms) implements Computed {
        public List<String> sourceColumns() {
            return Stream.concat(expression.columnsRead().stream(), transforms.columnsRead().stream()).distinct().toList();
        }

        public String input(Map<String, String> row) throws Rejection {
            return blankToNull(expression.evaluate(row));
        }

        public Expression boundTo(FieldDescribe target) {
            return new Expression(expression, transforms.boundTo(target));
        }
    }

    /** The same value for every record. */
    record Constant(String value) implements FieldRule {
        public List<String> sourceColumns() {
            return List.of();
        }
    }

    /**
     * The target id of the parent record whose legacy id is in the column, looked up in the ledger. A polymorphic
     * reference (an activity's WhoId: a Contact or a Lead) names several objects: the one in {@code typeColumn} (its
     * value an object's name, or a key of {@code types}), or, without a type column, the one whose ledger holds the
     * legacy id.
     */
    record Parent(List<String> objects, String column, String typeColumn, Map<String, String> types) implements FieldRule {

        public static Parent of(String object, String column) {
            return new Parent(List.of(object), column, null, Map.of());
        }

        public boolean polymorphic() {
            return objects.size() > 1;
        }

        /** The object a type column's value names, if it names one of the reference's objects. */
        public Optional<String> objectOfType(String type) {
            String named = types.getOrDefault(type, type);
            return objects.stream().filter(object -> object.equalsIgnoreCase(named)).findFirst();
        }

        public List<String> sourceColumns() {
            return typeColumn == null ? List.of(column) : List.of(column, typeColumn);
        }
    }

    /**
     * The id of the target's record of {@code object} whose field {@code by} equals the value {@code key} computes
     * (e.g. the User whose Email is the legacy owner's e-mail), found by the enricher with a query to the target.
     *
     * @param where a SOQL condition the record must also meet (e.g. {@code IsActive = true}); null for none
     * @param defaultId the id to use for a value the target has no record for, with {@link WhenNotFound#DEFAULT}
     */
    record Find(Computed key, String object, String by, String where, WhenNotFound notFound, String defaultId)
            implements FieldRule {
        public List<String> sourceColumns() {
            return key.sourceColumns();
        }

        /** This rule with a key whose transforms know the field it is compared with (e.g. User.Email's length). */
        Find boundTo(FieldDescribe byField) {
            return new Find(key.boundTo(byField), object, by, where, notFound, defaultId);
        }
    }

    /** What a {@link Find} does when the target has no record for the value. */
    enum WhenNotFound {
        /** The record is rejected with NOT_FOUND_IN_TARGET. */
        REJECT,
        /** The mapping's default id is used. */
        DEFAULT,
        /**
         * The field is left out of the record: a new record gets the target's default (for OwnerId, the user the
         * migration runs as), an existing one keeps its value.
         */
        LEAVE
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
