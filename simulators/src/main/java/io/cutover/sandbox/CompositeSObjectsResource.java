package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
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

    @Inject
    CollectionWrites collectionWrites;

    @POST
    public Response create(JsonNode body) {
        Optional<Response> invalid = checkRecords(body, null);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Response.ok(collectionWrites.create(records(body), body.path("allOrNone").asBoolean(false))).build();
    }

    @PATCH
    public Response update(JsonNode body) {
        Optional<Response> invalid = checkRecords(body, null);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Response.ok(collectionWrites.update(records(body), body.path("allOrNone").asBoolean(false))).build();
    }

    @DELETE
    public Response delete(@QueryParam("ids") String ids, @QueryParam("allOrNone") boolean allOrNone) {
        List<String> idList = ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",")).map(String::strip).toList();
        if (idList.isEmpty()) {
            return new ApiError("ids parameter is required", "MISSING_ARGUMENT").toResponse(Response.Status.BAD_REQUEST);
        }
        if (idList.size() > MAX_RECORDS) {
            return tooMany();
        }
        return Response.ok(collectionWrites.delete(idList, allOrNone)).build();
    }

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
            if (field.isEmpty() || !RecordKeys.isUpsertKey(field.get())) {
                return new ApiError("Field name provided, " + matchField + " is not an External ID or indexed field for "
                        + object.get().name(), "INVALID_FIELD").toResponse(Response.Status.BAD_REQUEST);
            }
            matchField = field.get().name();
        }
        Optional<Response> invalid = checkRecords(body, object.get());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return Response.ok(collectionUpsert.upsert(object.get(), matchField, body.path("allOrNone").asBoolean(false),
                records(body))).build();
    }

    private static List<ObjectNode> records(JsonNode body) {
        List<ObjectNode> records = new ArrayList<>();
        body.get("records").forEach(record -> records.add((ObjectNode) record));
        return records;
    }

    private static Response tooMany() {
        return new ApiError("record limit reached. cannot submit more than 200 records into this call",
                "EXCEEDED_ID_LIMIT").toResponse(Response.Status.BAD_REQUEST);
    }

    /** @param object the object every record must be of, or null when each may name any described object */
    private Optional<Response> checkRecords(JsonNode body, SObjectDescribe object) {
        JsonNode records = body == null ? null : body.get("records");
        if (records == null || !records.isArray()) {
            return Optional.of(new ApiError("The request body must contain a list of records named 'records'",
                    "JSON_PARSER_ERROR").toResponse(Response.Status.BAD_REQUEST));
        }
        if (records.size() > MAX_RECORDS) {
            return Optional.of(tooMany());
        }
        for (JsonNode record : records) {
            if (!record.isObject()) {
                return Optional.of(new ApiError("Each record must be a JSON object", "JSON_PARSER_ERROR")
                        .toResponse(Response.Status.BAD_REQUEST));
            }
            String type = record.path("attributes").path("type").asText("");
            if (object == null && schema.find(type).isEmpty()) {
                return Optional.of(new ApiError("Each record must have attributes.type naming a described object, not '"
                        + type + "'", "INVALID_TYPE").toResponse(Response.Status.BAD_REQUEST));
            }
            if (object != null && !type.equalsIgnoreCase(object.name())) {
                return Optional.of(new ApiError("Each record must have attributes.type " + object.name()
                        + ", the object named in the URI", "INVALID_TYPE").toResponse(Response.Status.BAD_REQUEST));
            }
        }
        return Optional.empty();
    }
}
