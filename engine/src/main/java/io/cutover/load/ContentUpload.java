package io.cutover.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.enrich.Enricher;
import io.cutover.enrich.TargetQueries;
import io.cutover.http.Authorization;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * The load stage for files (routes/load-salesforce-files.yaml): each record of a batch is one file of the export, its
 * {@code PathOnClient} relative to {@code cutover.files.dir}, uploaded as a {@code ContentVersion} with the record's
 * fields. A small file goes as JSON with its bytes in base64 through camel-salesforce; a larger one is streamed from
 * disk as Salesforce's multipart upload (an {@code entity_content} part, the record, and a {@code VersionData} part, the
 * bytes) through camel-http, with the salesforce component's session. A file missing or over the API's limit is
 * rejected, naming it.
 */
@Singleton
@Named("contentUpload")
public class ContentUpload {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JSON around the base64 bytes: the record's other fields, well within this. */
    private static final long JSON_ENVELOPE_BYTES = 64 * 1024;

    /**
     * One upload: its record, the file (a note's content instead: {@code note}), how large it is, and whether it is
     * streamed.
     */
    public record Upload(PipelineRecord record, Path file, byte[] note, long size, boolean multipart,
            String targetId) {
        /** The target holds the version already (an earlier attempt's answer lost, or the record changed since). */
        public boolean inTarget() {
            return targetId != null;
        }

        String name() {
            if (file != null) {
                return file.toString();
            }
            Object pathOnClient = record.getFields().get("PathOnClient");
            return pathOnClient != null ? pathOnClient.toString() : "ContentVersion " + targetId;
        }
    }

    private final FileSettings settings;
    private final SalesforceComponent salesforce;
    private final TargetOutage outage;
    private final TargetQueries target;
    private final MappingCatalog mappings;
    private final TargetSchema schema;

    ContentUpload(FileSettings settings, @Named("salesforce") SalesforceComponent salesforce, TargetOutage outage,
            TargetQueries target, MappingCatalog mappings, TargetSchema schema) {
        this.target = target;
        this.mappings = mappings;
        this.schema = schema;
        this.settings = settings;
        this.salesforce = salesforce;
        this.outage = outage;
    }

    /**
     * The batch's files to upload; a record whose file is missing or too large is rejected with the reason, and every
     * record is left to retry when the target cannot say which it holds.
     */
    public List<Upload> uploads(@Body List<PipelineRecord> batch) {
        List<PipelineRecord> loadable = batch.stream().filter(PipelineRecord::isLoadable).toList();
        Map<String, String> inTarget;
        try {
            inTarget = inTarget(loadable);
        } catch (IOException | RuntimeException failure) {
            // as a failed collection call: every record to retry, or rejected when the failure may not pass
            outage.callFailed(failure);
            for (PipelineRecord record : loadable) {
                String message = record.getSourceRef() + ": the target did not say which files it holds: "
                        + failure.getMessage();
                if (TargetErrors.passing(failure)) {
                    record.retry(TargetErrors.callFailureCode(failure), message);
                } else {
                    record.reject(TargetErrors.callFailureCode(failure), message);
                }
            }
            return List.of();
        }
        List<Upload> uploads = new ArrayList<>();
        for (PipelineRecord record : loadable) {
            String targetId = inTarget.get(record.getLegacyId());
            if (targetId != null) {
                // an update changes the version's fields, never its content: no file to read (and a record the
                // ledger knows comes without its create-only fields, the file's path among them)
                uploads.add(new Upload(record, null, null, 0, false, targetId));
                continue;
            }
            Object text = record.getFields().get("VersionData");
            if (text != null && !text.toString().isEmpty()) {
                byte[] note = NoteContent.html(text.toString());
                uploads.add(new Upload(record, null, note, note.length, !fitsInJson(note.length), targetId));
                continue;
            }
            Object pathOnClient = record.getFields().get("PathOnClient");
            Path file = pathOnClient == null ? null : settings.dir().resolve(pathOnClient.toString()).normalize();
            if (file == null || !Files.isRegularFile(file)) {
                record.reject("FILE_NOT_FOUND", record.getSourceRef() + ": " + record.getObject() + " "
                        + record.getLegacyId() + ": no file at " + (file == null ? "(PathOnClient is empty)" : file));
                continue;
            }
            long size = size(file);
            if (size > settings.maxBytes()) {
                record.reject("FILE_TOO_LARGE", record.getSourceRef() + ": " + record.getObject() + " "
                        + record.getLegacyId() + ": " + file + " is " + size + " bytes, over the " + settings.maxBytes()
                        + " bytes Salesforce takes in one upload (cutover.files.max-bytes)");
                continue;
            }
            uploads.add(new Upload(record, file, null, size, !fitsInJson(size), targetId));
        }
        return uploads;
    }

    /**
     * The versions the target holds already of these records, by legacy id: one query a batch. A version is created,
     * not upserted (Salesforce takes a file only on create), so a record sent again is looked for first: after a lost
     * answer, or changed since its upload.
     */
    private Map<String, String> inTarget(List<PipelineRecord> records) throws IOException {
        if (records.isEmpty()) {
            return Map.of();
        }
        PipelineRecord first = records.get(0);
        ObjectMapping mapping = mappings.forObject(first.getObject());
        String soql = "SELECT Id, " + mapping.externalIdField() + " FROM " + mapping.object() + " WHERE "
                + mapping.externalIdField() + " IN (" + records.stream().map(record -> Enricher.literal(
                        record.getLegacyId())).collect(Collectors.joining(", ")) + ")";
        Map<String, String> ids = new HashMap<>();
        for (JsonNode version : target.records(soql, first.getRunId(), first.getObject())) {
            ids.put(version.path(mapping.externalIdField()).asText(), version.path("Id").asText());
        }
        return ids;
    }

    /**
     * A version the target holds already: the fields the org lets change on it (its title, its description; not its
     * content, its file name nor where it was first published, which a new version would need), and which one.
     */
    public String updateRequest(@Body Upload upload, Exchange exchange) throws IOException {
        SObjectDescribe describe = schema.find("ContentVersion").orElseThrow();
        String externalId = mappings.forObject(upload.record().getObject()).externalIdField();
        ObjectNode sObject = JSON.createObjectNode();
        upload.record().fieldsToWrite().forEach((field, value) -> {
            if (!field.equals(externalId) && describe.field(field).filter(FieldDescribe::updateable).isPresent()) {
                sObject.putPOJO(field, value);
            }
        });
        exchange.getMessage().setHeader("sObjectId", upload.targetId());
        return JSON.writeValueAsString(sObject);
    }

    /** The version the target held is the record's, its changeable fields updated. */
    public void updated(@ExchangeProperty("upload") Upload upload) {
        upload.record().loaded(upload.targetId(), false);
    }

    /** The JSON record with the file's bytes in base64: only for a file small enough to hold in memory. */
    public String jsonRequest(@Body Upload upload) throws IOException {
        ObjectNode sObject = entity(upload);
        sObject.put("VersionData", upload.note() != null ? upload.note() : Files.readAllBytes(upload.file()));
        return JSON.writeValueAsString(sObject);
    }

    /**
     * The multipart request, its {@code VersionData} part read from disk as camel-http sends it, and where it goes: the
     * org's {@code sobjects/ContentVersion} with the session of the salesforce component (logged in first if it waits
     * for its first call).
     */
    public Object multipartRequest(@Body Upload upload, Exchange exchange) throws SalesforceException, IOException {
        SalesforceTarget.loginNow(salesforce);
        String apiVersion = salesforce.getConfig() == null ? SalesforceEndpointConfig.DEFAULT_VERSION
                : salesforce.getConfig().getApiVersion();
        exchange.setVariable("contentVersionUrl", salesforce.getSession().getInstanceUrl() + "/services/data/v"
                + apiVersion + "/sobjects/ContentVersion");
        exchange.getMessage().setHeader(Authorization.HEADER, Authorization.bearer(salesforce.getSession().getAccessToken()));
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        MultipartEntityBuilder parts = MultipartEntityBuilder.create()
                .addTextBody("entity_content", JSON.writeValueAsString(entity(upload)), ContentType.APPLICATION_JSON);
        if (upload.note() != null) {
            parts.addBinaryBody("VersionData", upload.note(), ContentType.APPLICATION_OCTET_STREAM,
                    upload.record().getFields().get("PathOnClient").toString());
        } else {
            parts.addBinaryBody("VersionData", upload.file().toFile(), ContentType.APPLICATION_OCTET_STREAM,
                    upload.file().getFileName().toString());
        }
        return parts.build();
    }

    /**
     * The org's answer to one upload: a save result (the version's id), or its errors, the record rejected or, when
     * they may pass, left to retry; an expired session is renewed for the next attempt.
     */
    public void applyResult(@ExchangeProperty("upload") Upload upload, @Body String answer,
            @Header(Exchange.HTTP_RESPONSE_CODE) Integer status) throws SalesforceException {
        PipelineRecord record = upload.record();
        JsonNode result = readAnswer(answer);
        if (result.path("success").asBoolean(false) || (status != null && status == 201 && result.hasNonNull("id"))) {
            record.loaded(result.path("id").asText(), true);
            return;
        }
        JsonNode errors = result.isArray() ? result : result.path("errors");
        JsonNode first = errors.path(0);
        String code = first.path("errorCode").asText(first.path("statusCode").asText("HTTP_" + status));
        if ("INVALID_SESSION_ID".equals(code)) {
            salesforce.getSession().login(salesforce.getSession().getAccessToken());
        }
        String message = record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId() + " ("
                + upload.name() + "): " + code + ": " + first.path("message").asText(answer);
        if (TargetErrors.passing(code) || (status != null && status >= 500)) {
            record.retry(code, message);
        } else {
            record.reject(code, message);
        }
    }

    /** A call that failed without an answer: the file is sent again on the next pass, or rejected when it may not pass. */
    public void failed(@ExchangeProperty("upload") Upload upload,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        outage.callFailed(failure);
        PipelineRecord record = upload.record();
        String message = record.getSourceRef() + ": the upload of " + upload.name() + " failed: " + failure.getMessage();
        if (TargetErrors.passing(failure)) {
            record.retry(TargetErrors.callFailureCode(failure), message);
        } else {
            record.reject(TargetErrors.callFailureCode(failure), message);
        }
    }

    /** The record's fields but its content, which goes in base64 or as a part of its own. */
    private static ObjectNode entity(Upload upload) {
        ObjectNode sObject = JSON.valueToTree(upload.record().fieldsToWrite());
        sObject.remove("VersionData");
        return sObject;
    }

    private boolean fitsInJson(long size) {
        long base64 = (size + 2) / 3 * 4;
        return size <= settings.jsonMaxBytes() && base64 + JSON_ENVELOPE_BYTES <= settings.jsonMaxBodyBytes();
    }

    private static JsonNode readAnswer(String answer) {
        try {
            return answer == null || answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
        } catch (IOException e) {
            return JSON.createObjectNode().put("errorCode", "UNREADABLE_ANSWER").put("message", answer);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }
}
