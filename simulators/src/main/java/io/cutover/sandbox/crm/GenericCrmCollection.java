package io.cutover.sandbox.crm;

import java.util.Arrays;
import java.util.Optional;

/** The collections of the generic CRM, with the field each one's records cannot be without. */
public enum GenericCrmCollection {
    ACCOUNTS("accounts", "Name"),
    CONTACTS("contacts", "LastName");

    private final String path;
    private final String requiredField;

    GenericCrmCollection(String path, String requiredField) {
        this.path = path;
        this.requiredField = requiredField;
    }

    public String path() {
        return path;
    }

    String requiredField() {
        return requiredField;
    }

    static Optional<GenericCrmCollection> of(String path) {
        return Arrays.stream(values()).filter(collection -> collection.path.equals(path)).findFirst();
    }
}
