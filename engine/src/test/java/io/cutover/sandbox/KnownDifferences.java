package io.cutover.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences between Salesforce's recorded answers and the sandbox's that are accepted, each with its reason:
 * the table between {@code <!-- contract-differences -->} and {@code <!-- /contract-differences -->} in
 * {@code docs/sandbox.md}, so that the documentation and the test cannot disagree. Columns: record, request, path,
 * expected, found, reason; every cell but the reason is a pattern where {@code *} stands for any text (an empty cell
 * matches anything), and backquotes are only markdown.
 */
final class KnownDifferences {

    /** One difference the contract test found: which recorded interaction, where in the answer, and both sides. */
    record Found(String record, String request, String path, String expected, String found) {

        @Override
        public String toString() {
            return record + " " + request + " at " + path + ": expected " + expected + ", found " + found;
        }
    }

    record Entry(int line, Pattern record, Pattern request, Pattern path, Pattern expected, Pattern found,
            String reason) {

        boolean explains(Found difference) {
            return record.matcher(difference.record()).matches() && request.matcher(difference.request()).matches()
                    && path.matcher(difference.path()).matches() && expected.matcher(difference.expected()).matches()
                    && found.matcher(difference.found()).matches();
        }

        @Override
        public String toString() {
            return "docs/sandbox.md line " + line + " (" + reason + ")";
        }
    }

    private static final String START = "<!-- contract-differences -->";
    private static final String END = "<!-- /contract-differences -->";
    private static final int COLUMNS = 6;

    private final List<Entry> entries;

    private KnownDifferences(List<Entry> entries) {
        this.entries = entries;
    }

    static KnownDifferences read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        int start = lines.indexOf(START);
        int end = lines.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(markdown + " has no " + START + " … " + END + " table");
        }
        List<Entry> entries = new ArrayList<>();
        // after the marker: the header row and the separator row, then one difference per row
        for (int i = start + 3; i < end; i++) {
            String row = lines.get(i).strip();
            if (row.isEmpty()) {
                continue;
            }
            List<String> cells = Arrays.stream(row.substring(1, row.length() - 1).split("\\|", -1))
                    .map(cell -> cell.strip().replace("`", "")).toList();
            if (cells.size() != COLUMNS || cells.get(COLUMNS - 1).isEmpty()) {
                throw new IllegalStateException(markdown + " line " + (i + 1) + ": expected " + COLUMNS
                        + " cells with a reason, found " + row);
            }
            entries.add(new Entry(i + 1, pattern(cells.get(0)), pattern(cells.get(1)), pattern(cells.get(2)),
                    pattern(cells.get(3)), pattern(cells.get(4)), cells.get(5)));
        }
        return new KnownDifferences(entries);
    }

    List<Found> unexplained(List<Found> differences) {
        return differences.stream().filter(difference -> entries.stream().noneMatch(e -> e.explains(difference)))
                .toList();
    }

    /** Entries no difference needs any more: the sandbox or the data changed, and the table must say so. */
    List<Entry> unused(List<Found> differences) {
        return entries.stream().filter(entry -> differences.stream().noneMatch(entry::explains)).toList();
    }

    private static Pattern pattern(String glob) {
        if (glob.isEmpty()) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
