package io.cutover.source;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample export as Excel's "Unicode text" would write the contacts: UTF-16 little endian with a byte order mark,
 * CR LF line endings, and two rows that cannot be read at its end. The source descriptions are the project's, with
 * their default charset (auto), so the reader has to detect all of it.
 */
public class MessyExport implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory(Path.of("target"), "messy-export-test-").toAbsolutePath();
            Path exportDir = Files.createDirectories(root.resolve("export"));
            try (Stream<Path> files = Files.list(Path.of("samples/apex-recipes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, exportDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String contacts = Files.readString(exportDir.resolve("contacts.csv"), StandardCharsets.UTF_8)
                    + "ContactBad1,Pătrașcu,Ioana\n"
                    + "ContactBad2,Nul\0l,Ana,ana@example.com,AccountRef1,Analyst,5550100\n";
            Files.writeString(exportDir.resolve("contacts.csv"), "\ufeff" + contacts.replace("\n", "\r\n"),
                    StandardCharsets.UTF_16LE);
            return Map.of(
                    "cutover.export.dir", exportDir.toString(),
                    "cutover.data-dir", root.resolve("data").toString(),
                    "cutover.sandbox.storage", "memory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
