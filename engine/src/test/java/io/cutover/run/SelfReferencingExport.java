package io.cutover.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample export with a parent account per account (column parent_id) and the mappings with ParentId: account 1's
 * parent comes later in the export, account 2's earlier, account 3's does not exist.
 */
public class SelfReferencingExport extends SampleExport {

    static final Map<String, String> PARENTS = Map.of("AccountRef1", "AccountRef50", "AccountRef2", "AccountRef1",
            "AccountRef3", "AccountRef999");

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path accounts = exportDir.resolve("accounts.csv");
            List<String> rows = new ArrayList<>();
            for (String row : Files.readAllLines(accounts, StandardCharsets.UTF_8)) {
                String id = row.substring(0, row.indexOf(','));
                rows.add(row + "," + (rows.isEmpty() ? "parent_id" : PARENTS.getOrDefault(id, "")));
            }
            Files.write(accounts, rows, StandardCharsets.UTF_8);
            Path mappings = Files.createDirectories(exportDir.getParent().resolve("mappings"));
            Files.copy(Path.of("mappings/contact.yaml"), mappings.resolve("contact.yaml"));
            Files.writeString(mappings.resolve("account.yaml"), Files.readString(Path.of("mappings/account.yaml"))
                    + "  ParentId:\n    parent: Account\n    column: parent_id\n");
            config.put("cutover.mapping.dir", mappings.toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
