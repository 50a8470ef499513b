package io.cutover.source;

import io.cutover.run.SampleExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * The sample export as Excel's "Unicode text" would write the contacts: UTF-16 little endian with a byte order mark,
 * CR LF line endings, and two rows that cannot be read at its end. The source descriptions are the project's, with
 * their default charset (auto), so the reader has to detect all of it.
 */
public class MessyExport extends SampleExport {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try {
            String contacts = Files.readString(exportDir.resolve("contacts.csv"), StandardCharsets.UTF_8)
                    + "ContactBad1,Pătrașcu,Ioana\n"
                    + "ContactBad2,Nul\0l,Ana,ana@example.com,AccountRef1,Analyst,5550100\n";
            Files.writeString(exportDir.resolve("contacts.csv"), "\ufeff" + contacts.replace("\n", "\r\n"),
                    StandardCharsets.UTF_16LE);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
