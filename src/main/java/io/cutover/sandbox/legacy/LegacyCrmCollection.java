package io.cutover.sandbox.legacy;

/**
 * The collections the simulator serves, the export file each one is read from, its id column, and the field the change
 * generator edits (as a user would: a description, a title, a note's text).
 */
public enum LegacyCrmCollection {
    ACCOUNTS("Account", "accounts.csv", "account_id", "description"),
    CONTACTS("Contact", "contacts.csv", "contact_id", "title"),
    OPPORTUNITIES("Opportunity", "opportunities.csv", "opportunity_id", "description"),
    NOTES("Note", "notes.csv", "note_id", "body");

    private final String object;
    private final String file;
    private final String idColumn;
    private final String editedField;

    LegacyCrmCollection(String object, String file, String idColumn, String editedField) {
        this.object = object;
        this.file = file;
        this.idColumn = idColumn;
        this.editedField = editedField;
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
