package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** sObject Collections: {@code /services/data/vXX.X/composite/sobjects}. */
@Path("/services/data/{version: v\\d+\\.\\d+}/composite/sobjects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompositeSObjectsResource {

    static final int MAX_RECORDS = 200;

    @Inject
    TargetSchema schema;

    @Inject
    CollectionUpsert collectionUpsert;

    @PATCH
    @Path("{object}/{externalIdField}")
    public Response upsert(@PathParam("object") String objectName, @PathParam("externalIdField") String matchField,
            JsonNode body) {
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return ApiError.notFound();
        }
        if (!matchField.equalsIgnoreCase("Id")) {
            Optional<FieldDescribe> field = object.get().field(matchField);
            if (field.isEmpty() || !RecordKeys.isIndexed(field.get())) {
                return new ApiError("Field name provided, " + matchField + " is not an External ID or indexed field for "
                        + object.get().name(), "INVALID_FIELD").toResponse(Response.Status.BAD_REQUEST);
            }
            matchField = field.get().name();
        }
        Optional<Response> invalid = checkRecords(body, object.get());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        List<ObjectNode> records = new ArrayList<>();
        body.get("records").forEach(record -> records.add((ObjectNode) record));
        return Response.ok(collectionUpsert.upsert(object.get(), matchField, body.path("allOrNone").asBoolean(false),
                records)).build();
    }

    private static Optional<Response> checkRecords(JsonNode body, SObjectDescribe object) {
        JsonNode records = body == null ? null : body.get("records");
        if (records == null || !records.isArray()) {
            return Optional.of(new ApiError("The request body must contain a list of records named 'records'",
                    "JSON_PARSER_ERROR").toResponse(Response.Status.BAD_REQUEST));
        }
        if (records.size() > MAX_RECORDS) {
            return Optional.of(new ApiError("record limit reached. cannot submit more than 200 records into this call",
                    "EXCEEDED_ID_LIMIT").toResponse(Response.Status.BAD_REQUEST));
        }
        for (JsonNode record : records) {
            if (!record.isObject()) {
                return Optional.of(new ApiError("Each record must be a JSON object", "JSON_PARSER_ERROR")
                        .toResponse(Response.Status.BAD_REQUEST));
            }
            String type = record.path("attributes").path("type").asText("");
            if (!type.equalsIgnoreCase(object.name())) {
                return Optional.of(new ApiError("Each record must have attributes.type " + object.name()
                        + ", the object named in the URI", "INVALID_TYPE").toResponse(Response.Status.BAD_REQUEST));
            }
        }
        return Optional.empty();
    }
}
