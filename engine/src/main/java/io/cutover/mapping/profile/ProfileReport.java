package io.cutover.mapping.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The profiles of the exports as JSON, for tools, and as Markdown, for people. */
public final class ProfileReport {

    /** Values a value map lacks listed in profile.md, the most frequent; profile.json lists all of them. */
    private static final int UNMAPPED_SHOWN = 20;

    /** Longer values are cut in the Markdown tables; the JSON holds them whole. */
    private static final int SHOWN_LENGTH = 40;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileReport() {
    }

    public static String json(List<ObjectProfile> profiles) {
        try {
            return JSON.writeValueAsString(profiles);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String markdown(List<ObjectProfile> profiles) {
        StringBuilder md = new StringBuilder("# Export profile\n");
        for (ObjectProfile profile : profiles) {
            md.append("\n## ").append(profile.object()).append(": ").append(profile.file())
                    .append(profile.charset() == null ? "" : " (" + profile.charset() + ", " + profile.charsetReason() + ")")
                    .append("\n\n")
                    .append(profile.records()).append(" records; unreadable rows: ")
                    .append(profile.unreadableRows().isEmpty() ? "none" : profile.unreadableRows().entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                    .append(". Legacy id `").append(profile.legacyIdColumn()).append("`: ")
                    .append(profile.missingLegacyIds()).append(" missing, ").append(profile.duplicateLegacyIds())
                    .append(" duplicates").append(profile.duplicateExamples().isEmpty() ? "" : " (" + positions(profile.positions(), profile.duplicateExamples()) + ")")
                    .append(profile.legacyIdsChecked() ? "" : " among the first ids; the export has more than the profile remembers")
                    .append(".\n\n")
                    .append("| column | target field | filled | distinct | top values | shapes | longest | invalid | mapping |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (ColumnProfile column : profile.columns()) {
                md.append("| ").append(cell(column.column()))
                        .append(" | ").append(target(column))
                        .append(" | ").append(column.filled()).append(" (").append(percent(column.fillRate())).append(')')
                        .append(" | ").append(column.distinctCapped() ? "more than " + column.distinct() : column.distinct())
                        .append(" | ").append(counts(column.topValues())).append(column.distinctCapped() ? " (among the first values)" : "")
                        .append(" | ").append(counts(column.shapes()))
                        .append(" | ").append(longest(profile.positions(), column))
                        .append(" | ").append(invalid(profile.positions(), column))
                        .append(" | ").append(mapped(profile.positions(), column.mapped())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String target(ColumnProfile column) {
        if (column.targetField() == null) {
            return "not mapped";
        }
        return column.targetField() + " (" + column.targetType() + (column.targetLength() > 0 ? " " + column.targetLength() : "") + ")";
    }

    private static String longest(String positions, ColumnProfile column) {
        if (column.filled() == 0) {
            return "";
        }
        String longest = column.longestLength() + " (" + positions + " " + column.longestLine() + ")";
        return column.longerThanTarget() == 0 ? longest
                : longest + ", **" + column.longerThanTarget() + " longer than " + column.targetLength() + "**";
    }

    private static String invalid(String positions, ColumnProfile column) {
        if (column.check() == null) {
            return "";
        }
        String name = column.check().name().toLowerCase(Locale.ROOT);
        return column.invalid() == 0 ? "0 (" + name + ")"
                : "**" + column.invalid() + "** not " + name + ": " + positions(positions, column.invalidExamples());
    }

    /** What the mapping's transforms accept, reject and warn about, by reason code, with examples. */
    private static String mapped(String positions, MappedValues mapped) {
        if (mapped == null) {
            return "";
        }
        long rejected = mapped.rejected().values().stream().mapToLong(Long::longValue).sum();
        String shown = mapped.accepted() + " accepted, " + (rejected == 0 ? "0 rejected" : "**" + rejected + " rejected**")
                + codes(mapped.rejected()) + (mapped.warned().isEmpty() ? "" : ", warnings" + codes(mapped.warned()));
        String examples = mapped.examples().isEmpty() ? shown : shown + ": " + mapped.examples().stream()
                .map(e -> positions + " " + e.line() + " " + code(e.value()) + " " + e.code()).collect(Collectors.joining(", "));
        return mapped.unmapped().isEmpty() ? examples : examples + "; not in the map: " + unmapped(mapped);
    }

    /** The values the map lacks, with their counts: the most frequent here, every one of them in profile.json. */
    private static String unmapped(MappedValues mapped) {
        List<ValueCount> shown = mapped.unmapped().subList(0, Math.min(UNMAPPED_SHOWN, mapped.unmapped().size()));
        int more = mapped.unmapped().size() - shown.size();
        return counts(shown) + (more > 0 ? " and " + more + " more (profile.json)" : "")
                + (mapped.unmappedCapped() ? " (among the first values)" : "");
    }

    private static String codes(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : " (" + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String positions(String positions, List<ColumnProfile.LineValue> values) {
        return values.stream().map(v -> positions + " " + v.line() + " " + code(v.value())).collect(Collectors.joining(", "));
    }

    private static String counts(List<ValueCount> counts) {
        return counts.stream().map(c -> code(c.value()) + " ×" + c.count()).collect(Collectors.joining(", "));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A value as Markdown code, cut to a readable length, on one line, with nothing that ends the table cell. */
    private static String code(String value) {
        String shown = value.codePointCount(0, value.length()) > SHOWN_LENGTH
                ? value.substring(0, value.offsetByCodePoints(0, SHOWN_LENGTH)) + "…" : value;
        return "`" + cell(shown).replace("`", "'") + "`";
    }

    private static String cell(String text) {
        return text.replaceAll("\\R", " ").replace("|", "\\|");
    }
}
