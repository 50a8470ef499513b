package io.cutover.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST sobjects/ContentVersion}, a file's upload, as Salesforce takes it: a JSON record whose {@code VersionData}
 * is the file in base64, or a multipart request whose {@code entity_content} part is the record and whose
 * {@code VersionData} part the file's bytes. The org computes the version's {@code Checksum} (the MD5 of the bytes, in
 * hex), its {@code ContentSize}, its file type from {@code PathOnClient}, and the document the version starts.
 */
@Path("/services/data/{version: v\\d+\\.\\d+}/sobjects/ContentVersion")
@Produces(MediaType.APPLICATION_JSON)
public class ContentVersionResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_DOCUMENT_PREFIX = "069";
    private static final Map<String, String> FILE_TYPES = Map.of("txt", "TEXT", "pdf", "PDF", "png", "PNG", "csv", "CSV",
            "jpg", "JPG", "jpeg", "JPG", "snote", "SNOTE", "html", "HTML", "zip", "ZIP");

    @Inject
    TargetSchema schema;

    @Inject
    RecordStore store;

    @Inject
    RecordValidator validator;

    @Inject
    RecordWriter writer;

    @Inject
    ContentFiles files;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createFromJson(@PathParam("version") String version, ObjectNode body) {
        JsonNode data = body.remove("VersionData");
        InputStream bytes = data == null || data.isNull() ? null
                : Base64.getMimeDecoder().wrap(new ByteArrayInputStream(data.asText().getBytes(StandardCharsets.US_ASCII)));
        return create(version, body, bytes);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createFromParts(@PathParam("version") String version,
            @RestForm("entity_content") @PartType(MediaType.APPLICATION_JSON) String entity,
            @RestForm("VersionData") FileUpload data) {
        ObjectNode record;
        try {
            record = entity == null ? null : (ObjectNode) JSON.readTree(entity);
        } catch (IOException | ClassCastException e) {
            record = null;
        }
        if (record == null) {
            return new ApiError("Multipart message must include a non-binary part named 'entity_content' holding the "
                    + "record as JSON", "INVALID_MULTIPART_REQUEST").toResponse(Response.Status.BAD_REQUEST);
        }
        try (InputStream bytes = data == null ? null : Files.newInputStream(data.uploadedFile())) {
            return create(version, record, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A version's bytes, as the URL a query answers for its {@code VersionData} serves them. */
    @GET
    @Path("{id}/VersionData")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response versionData(@PathParam("id") String id) {
        Optional<StoredRecord> version = store.read(org -> org.find(SalesforceIds.normalize(id)))
                .filter(found -> found.objectName().equals("ContentVersion"));
        if (version.isEmpty() || !Files.isRegularFile(files.file(version.get().id()))) {
            return ApiError.notFound();
        }
        return Response.ok(files.file(version.get().id()).toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }

    private Response create(String version, ObjectNode record, InputStream bytes) {
        SObjectDescribe object = schema.find("ContentVersion").orElseThrow();
        if (record.hasNonNull("Id")) {
            return ApiError.of(400, List.of(new RecordError("INVALID_FIELD", "cannot specify Id in an insert call",
                    List.of("Id"))));
        }
        if (bytes == null && !record.hasNonNull("ContentUrl")) {
            return ApiError.of(400, List.of(new RecordError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: [VersionData]", List.of("VersionData"))));
        }
        if (bytes != null && !record.hasNonNull("PathOnClient")) {
            return ApiError.of(400, List.of(new RecordError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: [PathOnClient]", List.of("PathOnClient"))));
        }
        ContentFiles.Received received = bytes == null ? null : files.receive(bytes);
        SaveResult result = store.write(org -> {
            RecordValidator.Outcome outcome = validator.validate(object, record, true, "Id", org);
            if (!outcome.valid()) {
                return SaveResult.failed(null, outcome.errors());
            }
            ObjectNode values = outcome.values();
            if (received != null) {
                String path = record.path("PathOnClient").asText();
                String extension = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                        : "";
                values.put("Checksum", received.checksum());
                values.put("ContentSize", received.size());
                values.put("FileExtension", extension);
                values.put("FileType", FILE_TYPES.getOrDefault(extension, "UNKNOWN"));
                if (!values.hasNonNull("Title")) {
                    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
                    values.put("Title", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
                }
            }
            if (!values.hasNonNull("ContentDocumentId")) {
                values.put("ContentDocumentId", SalesforceIds.newId(CONTENT_DOCUMENT_PREFIX, org.nextRecordNumber()));
            }
            values.put("VersionNumber", "1");
            values.put("IsLatest", true);
            RecordWriter.Saved saved = writer.create(object, values, org);
            if (saved.error() != null) {
                return SaveResult.failed(null, saved.error());
            }
            if (received != null) {
                files.keep(received, saved.id());
            }
            return SaveResult.saved(saved.id());
        });
        if (!result.success()) {
            if (received != null) {
                files.discard(received);
            }
            return ApiError.of(400, result.errors());
        }
        return Response.status(Response.Status.CREATED)
                .header("Location", "/services/data/" + version + "/sobjects/ContentVersion/" + result.id())
                .entity(result).build();
    }
}
