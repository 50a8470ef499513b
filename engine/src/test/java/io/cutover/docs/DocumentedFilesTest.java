package io.cutover.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs show project files as they are: a code block whose first line is {@code # file: <path>} must equal that
 * file, which the tests run. An edited file without its documentation (or the reverse) fails here.
 */
class DocumentedFilesTest {

    private static final Pattern FILE_BLOCK = Pattern.compile("```[a-z]*\\n# file: (\\S+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyFileShownInTheDocsIsShownAsItIs() throws IOException {
        List<String> shown = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher block = FILE_BLOCK.matcher(Files.readString(doc));
            while (block.find()) {
                Path file = Path.of(block.group(1));
                assertThat(file).as("file shown in %s", doc).exists();
                assertThat(block.group(2)).as("%s as shown in %s", file, doc).isEqualTo(Files.readString(file));
                shown.add(block.group(1));
            }
        }
        assertThat(shown).contains("mappings/contact.yaml", "routes/migration.yaml");
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            return Stream.concat(files.filter(f -> f.toString().endsWith(".md")), Stream.of(Path.of("README.md"))).toList();
        }
    }
}
