package io.cutover.sandbox.legacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The collections the simulator serves, the export file each one is read from, its id column, and the field the change
 * generator edits (as a user would: a description, a title, a note's text).
 */
public enum LegacyCrmCollection {
    ACCOUNTS("Account", "accounts.csv", "account_id", "description"),
    CONTACTS("Contact", "contacts.csv", "contact_id", "title", "account_id"),
    OPPORTUNITIES("Opportunity", "opportunities.csv", "opportunity_id", "description", "account_id"),
    NOTES("Note", "notes.csv", "note_id", "body", "account_id", "contact_id");

    private final String object;
    private final String file;
    private final String idColumn;
    private final String editedField;
    /** The columns holding the ids of other records (an account's, a contact's), named after the parent's id column. */
    private final List<String> references;

    LegacyCrmCollection(String object, String file, String idColumn, String editedField, String... references) {
        this.object = object;
        this.file = file;
        this.idColumn = idColumn;
        this.editedField = editedField;
        this.references = List.of(references);
    }

    /** The collection served under this path segment ({@code accounts}). */
    public static Optional<LegacyCrmCollection> byPath(String path) {
        return Arrays.stream(values()).filter(collection -> collection.name().toLowerCase(Locale.ROOT).equals(path)).findFirst();
    }

    public List<String> references() {
        return references;
    }

    public String object() {
        return object;
    }

    public String file() {
        return file;
    }

    public String idColumn() {
        return idColumn;
    }

    public String editedField() {
        return editedField;
    }

    /** The id of the {@code n}th record created in the simulator: {@code AccountNew1}, beside the export's {@code AccountRef1}. */
    public String newId(long n) {
        return object + "New" + n;
    }
}
