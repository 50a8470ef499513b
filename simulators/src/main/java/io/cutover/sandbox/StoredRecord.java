package io.cutover.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A record of the sandbox org: its id, its sObject, and its field values keyed by the describe's field names. */
public record StoredRecord(String id, String objectName, ObjectNode fields) {
}
