package io.cutover.dedup;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The sample export with two contacts entered twice, as legacy CRMs hold them: ContactRef1 again with its e-mail in
 * capitals and a first name misspelt, ContactRef2 again with its phone written another way and its last name misspelt;
 * and an account entered twice: AccountRef1 again with its legal form and its phone written another way.
 */
public class PlantedDuplicatesExport implements QuarkusTestResourceLifecycleManager {

    static final String PLANTED = """
            ContactDup1,Sinisbury,Liana,LSinisbury0@Dropbox.com,AccountRef10,Statistician I,
            ContactDup2,Canan,Bibby,,AccountRef1,Physical Therapy Assistant,(926) 442-9205
            """;
    static final String PLANTED_ACCOUNT = "AccountDup1,Zoonoodle 37 Inc.,302-556-4395,,,Customer,n/a,,,,"
            + "4 Del Mar Pass,Newark,DE,19725,United States,,,,\n";

    @Override
    public Map<String, String> start() {
        try {
            Path folder = Files.createTempDirectory(Path.of("target"), "duplicates-test-").toAbsolutePath();
            Path export = Files.createDirectories(folder.resolve("export"));
            try (var files = Files.list(Path.of("samples/apex-recipes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, export.resolve(file.getFileName().toString()));
                }
            }
            Files.writeString(export.resolve("contacts.csv"), PLANTED, StandardOpenOption.APPEND);
            Files.writeString(export.resolve("accounts.csv"), PLANTED_ACCOUNT, StandardOpenOption.APPEND);
            return SalesforceSandbox.on(Map.of("cutover.export.dir", export.toString(),
                    "cutover.data-dir", folder.resolve("data").toString(),
                    "cutover.sandbox.storage", "memory"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
