package io.cutover.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An sObject of the target org: its name, id key prefix and fields (looked up case-insensitively, like Salesforce). */
public record SObjectDescribe(String name, String keyPrefix, Map<String, FieldDescribe> fields) {

    public SObjectDescribe {
        TreeMap<String, FieldDescribe> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(fields);
        fields = Collections.unmodifiableMap(caseInsensitive);
    }

    public Optional<FieldDescribe> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The reference field whose relationship name is {@code relationshipName}, e.g. "Account" → AccountId on Contact. */
    public Optional<FieldDescribe> referenceByRelationshipName(String relationshipName) {
        return fields.values().stream()
                .filter(f -> f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(relationshipName))
                .findFirst();
    }
}
