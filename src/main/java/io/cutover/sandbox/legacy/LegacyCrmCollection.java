package io.cutover.sandbox.legacy;

/** The collections the simulator serves, and the export file each one is read from. */
public enum LegacyCrmCollection {
    ACCOUNTS("Account", "accounts.csv", "account_id"),
    CONTACTS("Contact", "contacts.csv", "contact_id");

    private final String object;
    private final String file;
    private final String idColumn;

    LegacyCrmCollection(String object, String file, String idColumn) {
        this.object = object;
        this.file = file;
        this.idColumn = idColumn;
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
}
