package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.sql.SQLException;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.DescribeDocuments;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Describe global, sObject describe, and the records of one sObject: {@code sobjects/{Object}},
 * {@code sobjects/{Object}/{id}} and {@code sobjects/{Object}/{ExternalIdField}/{value}}.
 */
@Path("/services/data/{version: v\\d+\\.\\d+}/sobjects")
@Produces(MediaType.APPLICATION_JSON)
public class SObjectsResource {

    @Inject
    DescribeDocuments documents;

    @Inject
    TargetSchema schema;

    @Inject
    RecordStore store;

    @Inject
    RecordOperations operations;

    @GET
    public Response describeGlobal() {
        return Response.ok(documents.global()).build();
    }

    @GET
    @Path("{object}/describe")
    public Response describe(@PathParam("object") String objectName) {
        return documents.describe(objectName).map(describe -> Response.ok(describe).build())
                .orElseGet(ApiError::notFound);
    }

    @POST
    @Path("{object}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("version") String version, @PathParam("object") String objectName,
            ObjectNode body) {
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return ApiError.notFound();
        }
        SaveResult result = store.write(org -> operations.create(object.get(), body, org));
        if (!result.success()) {
            return ApiError.of(400, result.errors());
        }
        return Response.status(Response.Status.CREATED)
                .header("Location", "/services/data/" + version + "/sobjects/" + object.get().name() + "/" + result.id())
                .entity(result).build();
    }

    @GET
    @Path("{object}/{id}")
    public Response read(@PathParam("version") String version, @PathParam("object") String objectName,
            @PathParam("id") String id, @QueryParam("fields") String fieldList) {
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return ApiError.notFound();
        }
        Collection<FieldDescribe> fields = object.get().fields().values();
        if (fieldList != null && !fieldList.isBlank()) {
            List<FieldDescribe> named = new ArrayList<>();
            for (String name : fieldList.split(",")) {
                Optional<FieldDescribe> field = object.get().field(name.strip());
                if (field.isEmpty()) {
                    return new ApiError("No such column '" + name.strip() + "' on sobject of type "
                            + object.get().name(), "INVALID_FIELD").toResponse(Response.Status.BAD_REQUEST);
                }
                named.add(field.get());
            }
            fields = named;
        }
        RecordOperations.Located located = store.read(org -> operations.locate(id, object, org));
        if (!located.found()) {
            return notFound(located);
        }
        return Response.ok(RecordRendering.render(object.get(), located.record(), fields, version)).build();
    }

    @PATCH
    @Path("{object}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("object") String objectName, @PathParam("id") String id, ObjectNode body) {
        return writeExisting(objectName, id, (record, object, org) -> {
            SaveResult result = operations.update(record, object, body, org);
            return result.success() ? Response.noContent().build() : ApiError.of(400, result.errors());
        });
    }

    @DELETE
    @Path("{object}/{id}")
    public Response delete(@PathParam("object") String objectName, @PathParam("id") String id) {
        return writeExisting(objectName, id, (record, object, org) -> {
            org.delete(record.id());
            return Response.noContent().build();
        });
    }

    @FunctionalInterface
    private interface ExistingRecordWork {
        Response apply(StoredRecord record, SObjectDescribe object, OrgTransaction org) throws SQLException;
    }

    /** Work on one existing record in a write transaction; an unknown object or record answers as Salesforce does. */
    private Response writeExisting(String objectName, String id, ExistingRecordWork work) {
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return ApiError.notFound();
        }
        return store.write(org -> {
            RecordOperations.Located located = operations.locate(id, object, org);
            return located.found() ? work.apply(located.record(), object.get(), org) : notFound(located);
        });
    }

    /**
     * Upsert by external id: 201 with {@code created: true}, 200 with {@code created: false}, 300 with the URLs of
     * the records that share the value, 404 when the field is not an external id of the object.
     */
    @PATCH
    @Path("{object}/{field}/{value}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upsert(@PathParam("version") String version, @PathParam("object") String objectName,
            @PathParam("field") String fieldName, @PathParam("value") String value, ObjectNode body) {
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return ApiError.notFound();
        }
        if (fieldName.equalsIgnoreCase("Id")) {
            return store.write(org -> {
                RecordOperations.Located located = operations.locate(value, object, org);
                if (!located.found()) {
                    return notFound(located);
                }
                SaveResult result = operations.update(located.record(), object.get(), body, org);
                return result.success() ? Response.ok(UpsertResult.saved(result.id(), false)).build()
                        : ApiError.of(400, result.errors());
            });
        }
        Optional<FieldDescribe> field = object.get().field(fieldName).filter(RecordKeys::isUpsertKey);
        if (field.isEmpty()) {
            return ApiError.notFound();
        }
        RecordOperations.ExternalIdUpsert outcome = store.write(
                org -> operations.upsert(object.get(), field.get().name(), value, body, org));
        if (outcome.result() == null) {
            List<String> urls = outcome.matchingIds().stream()
                    .map(id -> "/services/data/" + version + "/sobjects/" + object.get().name() + "/" + id).toList();
            return Response.status(300).entity(urls).build();
        }
        if (!outcome.result().success()) {
            return ApiError.of(400, outcome.result().errors());
        }
        return Response.status(outcome.created() ? 201 : 200)
                .entity(UpsertResult.saved(outcome.result().id(), outcome.created())).build();
    }

    private static Response notFound(RecordOperations.Located located) {
        if (located.error() == RecordOperations.ENTITY_IS_DELETED) {
            return ApiError.of(404, List.of(located.error()));
        }
        return ApiError.notFound();
    }
}
