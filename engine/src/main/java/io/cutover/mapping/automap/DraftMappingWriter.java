package io.cutover.mapping.automap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes a {@link MappingProposal} as a mapping file (docs/mapping.md) for a person to review: each proposed field
 * with its confidence and reason as a comment, and the columns left unmapped listed at the end, with why.
 */
public final class DraftMappingWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DraftMappingWriter() {
    }

    public static String yaml(MappingProposal proposal) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Draft mapping proposed by auto-mapping from ").append(proposal.source()).append(" against the ")
                .append(proposal.object()).append(" describe.\n")
                .append("# Review every line before use: the comment after a field says how sure the match is (0-1) and why.\n")
                .append("object: ").append(scalar(proposal.object())).append('\n');
        if (proposal.externalIdField() != null) {
            yaml.append("externalId: ").append(scalar(proposal.externalIdField()))
                    .append("   # the target's external-id field that receives the legacy id")
                    .append(proposal.legacyIdColumns().isEmpty() ? "" : ", column " + String.join(" and column ",
                            proposal.legacyIdColumns().stream().map(column -> "'" + column + "'").toList())
                            + " (legacyId in the source description)")
                    .append('\n');
        } else {
            yaml.append("# externalId: the describe of ").append(proposal.object())
                    .append(" has no external-id field; add one to the org (or the schema overlay) and name it here\n");
        }
        yaml.append("fields:\n");
        for (MappingProposal.ProposedField field : proposal.fields()) {
            String source = field.parent() == null ? scalar(field.column())
                    : "{parent: " + scalar(field.parent()) + ", column: " + scalar(field.column()) + "}";
            yaml.append("  ").append(scalar(field.field())).append(": ").append(source)
                    .append("   # confidence ").append(String.format(Locale.ROOT, "%.2f", field.confidence()))
                    .append(": ").append(field.reason())
                    .append(field.parent() == null ? "" : "; the column holds the legacy id of the " + field.parent())
                    .append('\n');
        }
        if (!proposal.unmatched().isEmpty()) {
            yaml.append("# Columns not mapped (map them by hand, or leave them out):\n");
            for (MappingProposal.UnmatchedColumn column : proposal.unmatched()) {
                yaml.append("#   ").append(column.column().replaceAll("\\R", " ")).append(": ").append(column.reason()).append('\n');
            }
        }
        return yaml.toString();
    }

    /** A double-quoted JSON string is a valid YAML scalar, whatever colons or quotes a header holds. */
    private static String scalar(String text) {
        if (text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return text;
        }
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
