package io.cutover.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Salesforce's SaveResult / DeleteResult: {@code {"id":..,"success":true,"errors":[]}}. A failed create has no id; a
 * failed update or delete names the record it was about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaveResult(String id, boolean success, List<RecordError> errors) {

    public static SaveResult saved(String id) {
        return new SaveResult(id, true, List.of());
    }

    public static SaveResult failed(String id, List<RecordError> errors) {
        return new SaveResult(id, false, errors);
    }

    public static SaveResult failed(String id, RecordError error) {
        return failed(id, List.of(error));
    }
}
