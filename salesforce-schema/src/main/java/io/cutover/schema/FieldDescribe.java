package io.cutover.schema;

import java.util.List;

/**
 * One field of an sObject, reduced to what migration and validation need from Salesforce's describe.
 *
 * @param caseSensitive whether Salesforce tells values apart by case: an external id that is not matches {@code a-1} and
 *        {@code A-1} as the same record
 * @param idLookup whether the field identifies records in an upsert, as external ids do ({@code Contact.Email},
 *        {@code Opportunity.Name})
 */
public record FieldDescribe(String name, String type, int length, boolean nillable, boolean createable, boolean updateable,
        boolean defaultedOnCreate, boolean externalId, boolean unique, List<String> picklistValues, boolean restrictedPicklist,
        List<String> referenceTo, String relationshipName, boolean caseSensitive, boolean idLookup) {

    public FieldDescribe {
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
    }

    /** Salesforce rejects a create without a value for this field; booleans are never "missing" (they default to false). */
    public boolean requiredOnCreate() {
        return createable && !nillable && !defaultedOnCreate && !"boolean".equals(type);
    }

    public boolean isReference() {
        return "reference".equals(type);
    }
}
