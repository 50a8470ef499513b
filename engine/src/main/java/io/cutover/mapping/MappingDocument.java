package io.cutover.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.mapping.transform.Rejection;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.source.SourceRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The field mapping table stakeholders review: for each target field, where its value comes from, what the target
 * takes, the transforms, and an example from the export (the first record that has a value for it) with what the
 * mapping makes of it.
 */
public final class MappingDocument {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String[] CSV_HEADER = {"object", "target field", "source columns", "type", "length", "required",
        "transforms", "example value", "mapped example"};

    /** One target field. {@code mappedExample} is what the mapping sends for {@code example}, or why it rejects it. */
    public record Row(String field, String source, String type, int length, boolean required, String transforms,
            String example, String mappedExample) {}

    /** The table of one object's mapping. */
    public record Table(String object, String mappingFile, String exportFile, List<Row> rows) {}

    /** A source value and what the mapping makes of it. */
    private record Example(String source, String mapped) {}

    private MappingDocument() {
    }

    /**
     * @param mapping as {@link MappingCatalog} holds it, so that the examples go through the transforms a run uses
     * @param exportName the export's file name, or a REST export's URL
     * @param records the export's records, read until every field has an example; the caller closes them
     */
    public static Table table(ObjectMapping mapping, SObjectDescribe describe, String exportName, String legacyIdColumn,
            Iterator<SourceRecord> records) throws IOException {
        JsonNode written = YAML.readTree(mapping.file().toFile()).path("fields");
        Map<String, Example> examples = examples(mapping, records);
        List<Row> rows = new ArrayList<>();
        Example legacyId = examples.get(mapping.externalIdField());
        rows.add(row(describe, mapping.externalIdField(), legacyIdColumn + " (legacy id)", "", legacyId));
        mapping.fields().forEach((field, rule) -> rows.add(row(describe, field, source(rule),
                TransformSummary.of(written.path(field).path("transforms")), examples.get(field))));
        return new Table(mapping.object(), mapping.file().toString(), exportName, rows);
    }

    private static String source(FieldRule rule) {
        if (rule instanceof FieldRule.Constant) {
            return "constant";
        }
        if (rule instanceof FieldRule.Parent parent) {
            return parent.column() + " (" + String.join(" or ", parent.objects()) + " legacy id"
                    + (parent.typeColumn() == null ? "" : ", the object named in " + parent.typeColumn()) + ")";
        }
        if (rule instanceof FieldRule.Expression expression) {
            return "expression " + expression.expression().text();
        }
        if (rule instanceof FieldRule.Find find) {
            return source(find.key()) + " (the " + find.object() + " whose " + find.by() + " it is"
                    + (find.where() == null ? "" : ", where " + find.where()) + "; not found: "
                    + find.notFound().name().toLowerCase(Locale.ROOT) + ")";
        }
        return String.join(", ", ((FieldRule.Column) rule).columns());
    }

    public static String markdown(List<Table> tables) {
        StringBuilder md = new StringBuilder("# Field mapping\n");
        for (Table table : tables) {
            md.append("\n## ").append(table.object()).append(" ← ").append(table.exportFile()).append("\n\nMapping file: `")
                    .append(table.mappingFile()).append("`\n\n")
                    .append("| target field | source | type | length | required | transforms | example | mapped |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (Row row : table.rows()) {
                md.append("| ").append(cell(row.field())).append(" | ").append(cell(row.source())).append(" | ")
                        .append(row.type()).append(" | ").append(row.length() == 0 ? "" : row.length()).append(" | ")
                        .append(row.required() ? "yes" : "").append(" | ").append(cell(row.transforms())).append(" | ")
                        .append(quoted(row.example())).append(" | ").append(quoted(row.mappedExample())).append(" |\n");
            }
        }
        return md.toString();
    }

    public static String csv(List<Table> tables) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get().print(out)) {
            for (Table table : tables) {
                for (Row row : table.rows()) {
                    printer.printRecord(table.object(), row.field(), row.source(), row.type(),
                            row.length() == 0 ? "" : row.length(), row.required() ? "yes" : "", row.transforms(),
                            nullToEmpty(row.example()), nullToEmpty(row.mappedExample()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Row row(SObjectDescribe describe, String field, String source, String transforms, Example example) {
        FieldDescribe target = describe.field(field).orElseThrow(() -> new IllegalArgumentException(
                describe.name() + " has no field " + field));
        return new Row(target.name(), source, target.type(), target.length(), target.requiredOnCreate(), transforms,
                example == null ? null : example.source(), example == null ? null : example.mapped());
    }

    /**
     * The first source value and its mapped value, per field, reading the export only until every field has one. A
     * parent's mapped value is the target id a run looks up in the ledger, which a document cannot know.
     */
    private static Map<String, Example> examples(ObjectMapping mapping, Iterator<SourceRecord> records) {
        Map<String, Example> examples = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Constant) {
                examples.put(field, new Example(null, ((FieldRule.Constant) rule).value()));
            }
        });
        while (records.hasNext() && examples.size() < mapping.fields().size() + 1) {
            SourceRecord record = records.next();
            if (!record.readable()) {
                continue;
            }
            if (record.legacyId() != null) {
                examples.putIfAbsent(mapping.externalIdField(), new Example(record.legacyId(), record.legacyId()));
            }
            mapping.fields().forEach((field, rule) -> {
                if (!examples.containsKey(field)) {
                    example(rule, record.values()).ifPresent(example -> examples.put(field, example));
                }
            });
        }
        return examples;
    }

    /** A parent's or a find's mapped value is an id the run looks up (in the ledger, in the target): named, not known. */
    private static Optional<Example> example(FieldRule rule, Map<String, String> row) {
        if (rule instanceof FieldRule.Parent parent) {
            String value = row.get(parent.column());
            return value == null || value.isBlank() ? Optional.empty()
                    : Optional.of(new Example(value, "the target id of " + String.join(" or ", parent.objects()) + " " + value));
        }
        FieldRule.Computed computed = rule instanceof FieldRule.Find find ? find.key() : (FieldRule.Computed) rule;
        String value;
        String mapped;
        try {
            value = computed.input(row);
            if (value == null) {
                return Optional.empty();
            }
            mapped = computed.transforms().apply(value, row);
        } catch (Rejection rejection) {
            return Optional.of(new Example(null, "rejected: " + rejection.reasonCode()));
        }
        if (rule instanceof FieldRule.Find find) {
            return Optional.of(new Example(value, mapped == null ? "" : "the id of the " + find.object() + " whose "
                    + find.by() + " is " + mapped));
        }
        return Optional.of(new Example(value, nullToEmpty(mapped)));
    }

    private static String quoted(String value) {
        return value == null ? "" : "`" + cell(value).replace("`", "'") + "`";
    }

    private static String cell(String text) {
        return text.replaceAll("\\R", " ").replace("|", "\\|");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
