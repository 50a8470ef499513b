package io.cutover.sandbox;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs an ingest job: reads its uploaded CSV row by row from the file, saves the rows 200 at a time (one transaction
 * each, like the chunks Salesforce processes), and writes each row to the successful or failed results file as it goes.
 * A job aborted while it runs leaves its remaining rows in the unprocessed records file.
 */
@ApplicationScoped
public class BulkIngestProcessor {

    static final int CHUNK_SIZE = 200;
    /** In a bulk CSV, #N/A sets a field to null; an empty value leaves it alone. */
    private static final String NULL_VALUE = "#N/A";
    private static final Logger LOG = Logger.getLogger(BulkIngestProcessor.class);

    @Inject
    TargetSchema schema;

    @Inject
    CollectionWrites writes;

    @Inject
    CollectionUpsert upserts;

    void process(BulkJob job) {
        job.processorStarted();
        try {
            if (job.transition(BulkJob.State.UploadComplete, BulkJob.State.InProgress)) {
                run(job);
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Bulk job %s failed", job.id());
            job.fail("InternalServerError : " + e.getMessage());
        } finally {
            job.processorDone();
        }
    }

    private void run(BulkJob job) throws IOException {
        BulkJobSettings settings = job.settings();
        SObjectDescribe object = schema.find(settings.object()).orElseThrow();
        CSVFormat format = settings.csvFormat();
        try (BufferedReader input = Files.newBufferedReader(job.data(), StandardCharsets.UTF_8);
                CSVParser rows = CSVParser.builder().setReader(input)
                        .setFormat(format.builder().setHeader().setSkipHeaderRecord(true).build()).get()) {
            List<String> header = rows.getHeaderNames();
            Optional<String> problem = headerProblem(header, object, settings);
            if (problem.isPresent()) {
                job.fail(problem.get());
                return;
            }
            List<String> successHeader = new ArrayList<>(List.of("sf__Id", "sf__Created"));
            successHeader.addAll(header);
            List<String> failureHeader = new ArrayList<>(List.of("sf__Id", "sf__Error"));
            failureHeader.addAll(header);
            try (CSVPrinter successes = printer(job.successfulResults(), format, successHeader);
                    CSVPrinter failures = printer(job.failedResults(), format, failureHeader);
                    CSVPrinter unprocessed = printer(job.unprocessedRecords(), format, header)) {
                Iterator<CSVRecord> iterator = rows.iterator();
                while (iterator.hasNext()) {
                    List<CSVRecord> chunk = new ArrayList<>(CHUNK_SIZE);
                    while (iterator.hasNext() && chunk.size() < CHUNK_SIZE) {
                        chunk.add(iterator.next());
                    }
                    if (job.state() == BulkJob.State.Aborted) {
                        for (CSVRecord row : chunk) {
                            unprocessed.printRecord(row.values());
                        }
                        continue;
                    }
                    long started = System.currentTimeMillis();
                    List<RowResult> results = save(object, settings, header, chunk);
                    long failed = 0;
                    for (int i = 0; i < chunk.size(); i++) {
                        RowResult result = results.get(i);
                        List<String> line = new ArrayList<>(List.of(result.id() == null ? "" : result.id()));
                        if (result.error() == null) {
                            line.add(Boolean.toString(result.created()));
                            line.addAll(List.of(chunk.get(i).values()));
                            successes.printRecord(line);
                        } else {
                            failed++;
                            line.add(result.error());
                            line.addAll(List.of(chunk.get(i).values()));
                            failures.printRecord(line);
                        }
                    }
                    job.count(chunk.size(), failed, System.currentTimeMillis() - started);
                }
            }
        }
        job.transition(BulkJob.State.InProgress, BulkJob.State.JobComplete);
    }

    /** What a results file says about one row: the record id if any, whether it was created, or the error text. */
    private record RowResult(String id, boolean created, String error) {
    }

    private List<RowResult> save(SObjectDescribe object, BulkJobSettings settings, List<String> header,
            List<CSVRecord> chunk) {
        List<RowResult> results = new ArrayList<>();
        switch (settings.operation()) {
            case "delete" -> {
                List<String> ids = chunk.stream().map(row -> row.get(idColumn(header))).toList();
                writes.delete(ids, false).forEach(result -> results.add(toRowResult(result, false)));
            }
            case "upsert" -> {
                String matchField = settings.externalIdFieldName().equalsIgnoreCase("Id") ? "Id"
                        : object.field(settings.externalIdFieldName()).orElseThrow().name();
                upserts.upsert(object, matchField, false, records(object, header, chunk)).forEach(result -> results.add(
                        new RowResult(result.id(), Boolean.TRUE.equals(result.created()), errorText(result.errors()))));
            }
            case "update" -> writes.update(records(object, header, chunk), false)
                    .forEach(result -> results.add(toRowResult(result, false)));
            default -> writes.create(records(object, header, chunk), false)
                    .forEach(result -> results.add(toRowResult(result, true)));
        }
        return results;
    }

    private static RowResult toRowResult(SaveResult result, boolean created) {
        return new RowResult(result.id(), created && result.success(), errorText(result.errors()));
    }

    /** Salesforce's sf__Error text: {@code STATUS_CODE:message:field,field --} per error. */
    private static String errorText(List<RecordError> errors) {
        if (errors.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (RecordError error : errors) {
            text.append(error.statusCode()).append(':').append(error.message()).append(':')
                    .append(String.join(",", error.fields())).append(" --");
        }
        return text.toString();
    }

    /**
     * Rows as the records the collection operations take; a {@code Parent.ExternalId} column becomes a relationship
     * reference, {@code {"Parent": {"ExternalId": value}}}.
     */
    private static List<ObjectNode> records(SObjectDescribe object, List<String> header, List<CSVRecord> chunk) {
        List<ObjectNode> records = new ArrayList<>();
        for (CSVRecord row : chunk) {
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            record.putObject("attributes").put("type", object.name());
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                String value = row.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                String column = header.get(i);
                int dot = column.indexOf('.');
                ObjectNode target = dot < 0 ? record : record.with(column.substring(0, dot));
                String field = dot < 0 ? column : column.substring(dot + 1);
                if (value.equals(NULL_VALUE)) {
                    target.putNull(field);
                } else {
                    target.put(field, value);
                }
            }
            records.add(record);
        }
        return records;
    }

    private static int idColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase("Id")) {
                return i;
            }
        }
        throw new IllegalStateException("checked by headerProblem");
    }

    /** Salesforce fails the whole job when the header names a field the object does not have. */
    private Optional<String> headerProblem(List<String> header, SObjectDescribe object, BulkJobSettings settings) {
        for (String column : header) {
            int dot = column.indexOf('.');
            boolean known;
            if (dot < 0) {
                known = column.equalsIgnoreCase("Id") || object.field(column).isPresent();
            } else {
                Optional<FieldDescribe> reference = object.referenceByRelationshipName(column.substring(0, dot));
                known = reference.isPresent() && reference.get().referenceTo().stream()
                        .map(schema::find).flatMap(Optional::stream)
                        .anyMatch(parent -> parent.field(column.substring(dot + 1)).isPresent());
            }
            if (!known) {
                return Optional.of("InvalidBatch : Field name not found : " + column);
            }
        }
        boolean needsId = settings.operation().equals("update") || settings.operation().equals("delete");
        if (needsId && header.stream().noneMatch("Id"::equalsIgnoreCase)) {
            return Optional.of("InvalidBatch : Field name not found : Id");
        }
        return Optional.empty();
    }

    private static CSVPrinter printer(java.nio.file.Path file, CSVFormat format, List<String> header)
            throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, format.builder().setHeader(header.toArray(String[]::new)).get());
    }
}
