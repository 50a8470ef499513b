package io.cutover.sandbox;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cutover.sandbox.soql.SoqlException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One entry of the error array Salesforce's REST API answers with: {@code [{"message":..,"errorCode":..}]}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, String errorCode, List<String> fields) {

    public ApiError(String message, String errorCode) {
        this(message, errorCode, null);
    }

    public Response toResponse(Response.Status status) {
        return toResponse(status.getStatusCode());
    }

    public Response toResponse(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(List.of(this)).build();
    }

    /** A per-record error as the single-record resources answer it; an empty field list is left out, as Salesforce does. */
    public static ApiError of(RecordError error) {
        boolean keepEmptyFields = error.statusCode().equals(RecordOperations.ENTITY_IS_DELETED.statusCode());
        return new ApiError(error.message(), error.statusCode(),
                error.fields().isEmpty() && !keepEmptyFields ? null : error.fields());
    }

    public static Response of(int status, List<RecordError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(errors.stream().map(ApiError::of).toList()).build();
    }

    /** The answer to a SOQL query: what it gives, or Salesforce's 400 with the query's error code (MALFORMED_QUERY, …). */
    public static Response queryAnswer(Supplier<Object> query) {
        try {
            return Response.ok(query.get()).build();
        } catch (SoqlException e) {
            return new ApiError(e.getMessage(), e.errorCode()).toResponse(Response.Status.BAD_REQUEST);
        }
    }

    public static Response notFound() {
        return new ApiError("The requested resource does not exist", "NOT_FOUND").toResponse(Response.Status.NOT_FOUND);
    }

    public static Response invalidSession() {
        return new ApiError("Session expired or invalid", "INVALID_SESSION_ID").toResponse(Response.Status.UNAUTHORIZED);
    }
}
