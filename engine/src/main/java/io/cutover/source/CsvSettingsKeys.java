package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The optional keys of a source description that say how to read its CSV file, checked at start-up. */
final class CsvSettingsKeys {

    static final String AUTO = "auto";
    /** YAML writes a tab as "\t" in double quotes; a single-quoted '\t' or the word tab are accepted too. */
    private static final Map<String, Character> DELIMITERS = Map.of(",", ',', ";", ';', "|", '|', "\t", '\t',
            "\\t", '\t', "tab", '\t');

    private CsvSettingsKeys() {
    }

    /** The settings, or empty when a key has a problem (added to {@code problems}). */
    static Optional<CsvSettings> read(JsonNode root, Path file, ConfigurationProblems problems) {
        // Collected here first: settings with a problem are not returned.
        List<String> found = new ArrayList<>();
        CsvSettings settings = CsvSettings.DEFAULTS;
        String charset = text(root, "charset", found);
        if (charset != null && !charset.equalsIgnoreCase(AUTO)) {
            try {
                settings = settings.withCharset(Charset.forName(charset));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                found.add("charset: '" + charset + "' is not a charset this Java knows "
                        + "(e.g. UTF-8, UTF-16, windows-1252, ISO-8859-1, or auto)");
            }
        }
        String delimiter = text(root, "delimiter", found);
        if (delimiter != null && !delimiter.equalsIgnoreCase(AUTO)) {
            Character value = DELIMITERS.get(delimiter.toLowerCase(Locale.ROOT));
            if (value == null) {
                found.add("delimiter: '" + delimiter + "' is not one of , ; | \"\\t\" auto");
            } else {
                settings = settings.withDelimiter(value);
            }
        }
        JsonNode headerRow = root.get("headerRow");
        if (headerRow != null) {
            if (headerRow.canConvertToInt() && headerRow.isIntegralNumber() && headerRow.asInt() >= 1) {
                settings = settings.withHeaderRow(headerRow.asInt());
            } else {
                found.add("headerRow: '" + headerRow.asText() + "' is not a line number (1 for the first line)");
            }
        }
        String ragged = text(root, "raggedRows", found);
        if (ragged != null) {
            Optional<CsvSettings.RaggedRows> value = choice(CsvSettings.RaggedRows.class, ragged);
            if (value.isPresent()) {
                settings = settings.with(value.get());
            } else {
                found.add("raggedRows: '" + ragged + "' is not reject or pad");
            }
        }
        String undecodable = text(root, "undecodable", found);
        if (undecodable != null) {
            Optional<CsvSettings.Undecodable> value = choice(CsvSettings.Undecodable.class, undecodable);
            if (value.isPresent()) {
                settings = settings.with(value.get());
            } else {
                found.add("undecodable: '" + undecodable + "' is not reject or replace");
            }
        }
        Map<Integer, String> names = new java.util.TreeMap<>();
        JsonNode columns = root.get("columns");
        if (columns != null && !columns.isObject()) {
            found.add("columns: expected the names of header columns by position, e.g. {5: mobile}, found " + columns);
        } else if (columns != null) {
            columns.fields().forEachRemaining(column -> {
                Integer position = position(column.getKey());
                if (position == null || !column.getValue().isTextual() || column.getValue().asText().isBlank()) {
                    found.add("columns: '" + column.getKey() + ": " + column.getValue().asText() + "' is not a column "
                            + "position (1 for the first) and a name");
                } else {
                    names.put(position, column.getValue().asText().strip());
                }
            });
        }
        java.util.Set<Integer> ignored = new java.util.TreeSet<>();
        JsonNode ignoreColumns = root.get("ignoreColumns");
        if (ignoreColumns != null) {
            if (!ignoreColumns.isArray()) {
                found.add("ignoreColumns: expected a list of column positions (1 for the first), found " + ignoreColumns);
            } else {
                ignoreColumns.forEach(column -> {
                    Integer position = position(column.asText());
                    if (position == null) {
                        found.add("ignoreColumns: '" + column.asText() + "' is not a column position (1 for the first)");
                    } else if (names.containsKey(position)) {
                        found.add("ignoreColumns: column " + position + " is named in columns: too");
                    } else {
                        ignored.add(position);
                    }
                });
            }
        }
        if (!names.isEmpty() || !ignored.isEmpty()) {
            settings = settings.withColumns(names, ignored);
        }
        found.forEach(problem -> problems.add(file, problem));
        return found.isEmpty() ? Optional.of(settings) : Optional.empty();
    }

    private static Integer position(String text) {
        try {
            int position = Integer.parseInt(text.strip());
            return position >= 1 ? position : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** An optional text key: null when absent, a problem when not text. */
    private static String text(JsonNode root, String key, List<String> found) {
        JsonNode value = root.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            found.add(key + ": expected a text value, found '" + value.asText() + "'");
            return null;
        }
        return value.asText();
    }
}
