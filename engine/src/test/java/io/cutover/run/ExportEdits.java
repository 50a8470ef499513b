package io.cutover.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Edits of a test's private copy of the sample export, as a user would make them between runs. */
final class ExportEdits {

    private ExportEdits() {
    }

    /** Replaces text in the one row of the export that starts with the given legacy id and a comma. */
    static void replaceInRow(String file, String legacyId, String from, String to) throws IOException {
        Path export = SampleExport.exportDir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        int edited = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(legacyId + ",")) {
                assertThat(lines.get(i)).contains(from);
                lines.set(i, lines.get(i).replace(from, to));
                edited++;
            }
        }
        assertThat(edited).as("rows of %s starting with %s", file, legacyId).isEqualTo(1);
        Files.write(export, lines, StandardCharsets.UTF_8);
    }

    static void appendRows(String file, String... rows) throws IOException {
        Files.writeString(SampleExport.exportDir.resolve(file), String.join("\n", Arrays.asList(rows)) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
