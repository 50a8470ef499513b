package io.cutover.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What Salesforce answers with a DUPLICATES_DETECTED error: the duplicate rule that blocked the save and, per matching
 * rule, the records the new one duplicates ({@code duplicateResult} in the REST API's error).
 */
public record DuplicateResult(boolean allowSave, String duplicateRule, String duplicateRuleEntityType, String errorMessage,
        List<MatchResult> matchResults) {

    public record MatchResult(String entityType, List<Object> errors, String matchEngine, List<MatchRecord> matchRecords,
            String rule, int size, boolean success) {
    }

    public record MatchRecord(List<Object> additionalInformation, List<Object> fieldDiffs, double matchConfidence,
            Map<String, Object> record) {
    }

    /** A rule blocking the save of a record whose field holds the value of the records matched. */
    static RecordError blocked(String objectName, String field, List<String> matchedIds) {
        List<MatchRecord> matched = matchedIds.stream().map(id -> new MatchRecord(List.of(), List.of(), 100.0, Map.of(
                "attributes", Map.of("type", objectName, "url", "/services/data/v" + VersionsResource.NEWEST + ".0/sobjects/" + objectName
                        + "/" + id), "Id", id))).toList();
        return new RecordError("DUPLICATES_DETECTED", "Use one of these records?", List.of(), new DuplicateResult(false,
                objectName + "_" + field + "_Duplicate_Rule", objectName,
                "You're creating a duplicate record. We recommend you use an existing record instead.",
                List.of(new MatchResult(objectName, List.of(), "ExactMatchEngine", matched,
                        objectName + "_" + field + "_Match_Rule", matched.size(), true))));
    }
}
