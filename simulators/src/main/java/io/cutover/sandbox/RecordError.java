package io.cutover.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A per-record error inside an sObject Collections result: {@code {"statusCode":..,"message":..,"fields":[..]}}, and
 * for DUPLICATES_DETECTED the {@code duplicateResult} naming the duplicate rule and the records it matched.
 */
public record RecordError(String statusCode, String message, List<String> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) DuplicateResult duplicateResult) {

    public RecordError {
        fields = List.copyOf(fields);
    }

    public RecordError(String statusCode, String message, List<String> fields) {
        this(statusCode, message, fields, null);
    }
}
