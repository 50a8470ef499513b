package io.cutover.load;

import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ColumnDelimiterEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The request of a Bulk API 2.0 load (routes/load-salesforce-bulk.yaml): the records of a batch still to send, the
 * upsert job to create for them and its one CSV upload.
 */
@Singleton
@Named("bulkJobRequest")
public class BulkJobRequest {

    /** In a Bulk API CSV an empty value leaves a field as it is, and this value sets it to null. */
    static final String NULL_VALUE = "#N/A";
    /** The dialect the jobs are created with: comma-separated, LF line endings, quotes where a value needs them. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final MappingCatalog mappings;

    BulkJobRequest(MappingCatalog mappings) {
        this.mappings = mappings;
    }

    /** The records of the batch still to be sent, in one job (none when every record has its outcome). */
    public BulkJobRun toSend(@Body List<PipelineRecord> batch) {
        List<PipelineRecord> loadable = batch.stream().filter(PipelineRecord::isLoadable).toList();
        if (loadable.isEmpty()) {
            return BulkJobRun.nothingToSend(batch);
        }
        ObjectMapping mapping = mappings.forObject(loadable.get(0).getObject());
        return new BulkJobRun(batch, mapping.object(), mapping.externalIdField(), loadable);
    }

    /** The ingest job to create: an upsert on the object's external id field, in the CSV dialect {@link #csv} writes. */
    public Job job(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        Job job = new Job();
        job.setObject(run.object());
        job.setOperation(OperationEnum.UPSERT);
        job.setExternalIdFieldName(run.externalIdField());
        job.setContentType(ContentTypeEnum.CSV);
        job.setColumnDelimiter(ColumnDelimiterEnum.COMMA);
        job.setLineEnding(LineEndingEnum.LF);
        return job;
    }

    /**
     * The job's records as its one upload: a header row of field names, then a row per record. A null value becomes
     * {@code #N/A}, which sets the field to null as an sObject-collection upsert does; a field a record does not have
     * stays empty and is left as it is in the target.
     */
    public InputStream csv(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        List<String> columns = run.columns();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSV.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (PipelineRecord record : run.records()) {
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns) {
                    row.add(column.equals(run.externalIdField()) ? run.externalId(record) : cell(record, column));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bulk upload of " + run.object(), e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static String cell(PipelineRecord record, String column) {
        Map<String, Object> fields = record.fieldsToWrite();
        if (!fields.containsKey(column)) {
            return "";
        }
        Object value = fields.get(column);
        if (value == null || value.toString().isEmpty()) {
            return NULL_VALUE;
        }
        if (value.toString().equals(NULL_VALUE)) {
            record.warn("field " + column + ": the value '" + NULL_VALUE + "' means null to the Bulk API; the field is"
                    + " loaded empty");
        }
        return value.toString();
    }
}
