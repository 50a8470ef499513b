package io.cutover.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of a query answer; nextRecordsUrl only while more pages remain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryResult(long totalSize, boolean done, String nextRecordsUrl, List<ObjectNode> records) {
}
