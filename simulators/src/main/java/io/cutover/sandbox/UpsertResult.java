package io.cutover.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One element of an sObject Collections upsert answer; a failed record has neither id nor created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpsertResult(String id, boolean success, List<RecordError> errors, Boolean created) {

    public static UpsertResult saved(String id, boolean created) {
        return new UpsertResult(id, true, List.of(), created);
    }

    public static UpsertResult failed(List<RecordError> errors) {
        return new UpsertResult(null, false, errors, null);
    }
}
