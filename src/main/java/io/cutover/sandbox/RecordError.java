package io.cutover.sandbox;

import java.util.List;

/** A per-record error inside an sObject Collections result: {@code {"statusCode":..,"message":..,"fields":[..]}}. */
public record RecordError(String statusCode, String message, List<String> fields) {

    public RecordError {
        fields = List.copyOf(fields);
    }
}
