package io.cutover.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The sObjects and fields of the Salesforce org a migration loads into. */
@ApplicationScoped
public class TargetSchema {

    @Inject
    DescribeDocuments documents;

    private final Map<String, SObjectDescribe> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The key prefix of every object described or listed by the describe-global (e.g. Profile, not described). */
    private final Map<String, String> keyPrefixes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> objectsByKeyPrefix = new TreeMap<>();

    @PostConstruct
    void build() {
        for (String name : documents.objectNames()) {
            documents.describe(name).ifPresent(describe -> objects.put(name, toObject(describe)));
        }
        objects.values().forEach(object -> addKeyPrefix(object.name(), object.keyPrefix()));
        documents.global().path("sobjects").forEach(object -> addKeyPrefix(object.path("name").asText(),
                object.path("keyPrefix").asText(null)));
    }

    /** A describe's key prefix wins over the describe-global's, which some orgs leave out (e.g. Lead's). */
    private void addKeyPrefix(String object, String keyPrefix) {
        if (keyPrefix != null && !keyPrefixes.containsKey(object)) {
            keyPrefixes.put(object, keyPrefix);
            objectsByKeyPrefix.putIfAbsent(keyPrefix, object);
        }
    }

    /** The first three characters of the ids of the object's records, when the org's describe-global says them. */
    public Optional<String> keyPrefix(String objectName) {
        return Optional.ofNullable(keyPrefixes.get(objectName));
    }

    /** The object whose record ids start with the key prefix, when the describe-global lists it. */
    public Optional<String> objectWithKeyPrefix(String keyPrefix) {
        return Optional.ofNullable(objectsByKeyPrefix.get(keyPrefix));
    }

    /** Case-insensitive, like Salesforce: "contact" finds Contact. */
    public Optional<SObjectDescribe> find(String objectName) {
        return Optional.ofNullable(objects.get(objectName));
    }

    public Set<String> objectNames() {
        return Collections.unmodifiableSet(objects.keySet());
    }

    private static SObjectDescribe toObject(JsonNode describe) {
        Map<String, FieldDescribe> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode field : describe.get("fields")) {
            FieldDescribe parsed = toField(field);
            fields.put(parsed.name(), parsed);
        }
        return new SObjectDescribe(describe.get("name").asText(), describe.path("keyPrefix").asText(null), fields);
    }

    private static FieldDescribe toField(JsonNode field) {
        return new FieldDescribe(
                field.get("name").asText(),
                field.path("type").asText(),
                field.path("length").asInt(),
                field.path("nillable").asBoolean(),
                field.path("createable").asBoolean(),
                field.path("updateable").asBoolean(),
                field.path("defaultedOnCreate").asBoolean(),
                field.path("externalId").asBoolean(),
                field.path("unique").asBoolean(),
                activePicklistValues(field.path("picklistValues")),
                field.path("restrictedPicklist").asBoolean(),
                texts(field.path("referenceTo")),
                field.path("relationshipName").isNull() ? null : field.path("relationshipName").asText(null),
                field.path("caseSensitive").asBoolean(),
                field.path("idLookup").asBoolean());
    }

    private static List<String> activePicklistValues(JsonNode values) {
        List<String> active = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.path("active").asBoolean(true)) {
                active.add(value.path("value").asText());
            }
        }
        return active;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
