package io.cutover.mapping.automap;

import java.util.List;

/**
 * A draft mapping for one object: the fields auto-mapping proposes, each with how sure it is and why, and the columns it
 * could not map, each with why, so that nothing is guessed silently.
 *
 * @param externalIdField the target's external-id field for the legacy id, or null when the describe has none
 * @param legacyIdColumns the columns the source description names as the legacy id (legacyId): the external id's, not
 *     matched to another field
 */
public record MappingProposal(String object, String source, String externalIdField, List<ProposedField> fields,
        List<UnmatchedColumn> unmatched, List<String> legacyIdColumns) {

    public MappingProposal {
        fields = List.copyOf(fields);
        unmatched = List.copyOf(unmatched);
        legacyIdColumns = List.copyOf(legacyIdColumns);
    }

    /**
     * A target field and the column proposed for it. Confidence is 0 to 1: 1 for the field's own API name. For a
     * reference field, {@code parent} is the object it points to: the column is taken to hold the parent's legacy id,
     * to look up in the ledger, as no legacy export holds target ids.
     */
    public record ProposedField(String column, String field, String parent, double confidence, String reason) {}

    /** A column no field was proposed for. */
    public record UnmatchedColumn(String column, String reason) {}
}
