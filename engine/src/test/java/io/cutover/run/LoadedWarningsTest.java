package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline changed in a record it loaded is never silent: a contact whose last name had a byte the export's
 * charset cannot decode (undecodable: replace) is loaded, and its warning is in its outcome after the load, counted in
 * the report per object and reason, and listed in the run's warnings file.
 */
@QuarkusTest
@QuarkusTestResource(value = LoadedWarningsTest.UndecodableLastName.class, restrictToAnnotatedClass = true)
class LoadedWarningsTest {

    /** The sample export, one contact's last name with a byte that is not UTF-8, read with undecodable: replace. */
    public static class UndecodableLastName extends SampleExport {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try {
                Path contacts = exportDir.resolve("contacts.csv");
                byte[] bytes = Files.readAllBytes(contacts);
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                int at = text.indexOf("ContactRef5,") + "ContactRef5,".length();
                byte[] broken = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, broken, 0, at);
                broken[at] = (byte) 0xE9;
                System.arraycopy(bytes, at, broken, at + 1, bytes.length - at);
                Files.write(contacts, broken);
                Path sources = Files.createDirectories(exportDir.resolveSibling("sources"));
                Files.copy(Path.of("sources/accounts.yaml"), sources.resolve("accounts.yaml"));
                Files.writeString(sources.resolve("contacts.yaml"), Files.readString(Path.of("sources/contacts.yaml"))
                        + "charset: UTF-8\nundecodable: replace\n");
                config.put("cutover.sources.dir", sources.toString());
                return config;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    @StateStore
    DataSource state;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void aLoadedRecordsWarningIsKeptCountedAndListed() throws IOException, SQLException {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Contact").loaded()).isEqualTo(150);
        String warning = "contacts.csv line 6 (record 5): column 'lastName': 1 undecodable byte sequence (not valid UTF-8) "
                + "replaced by U+FFFD (undecodable: replace)";
        assertThat(outcomeWarnings(report.runId(), "ContactRef5")).isEqualTo(warning);
        assertThat(report.warnings()).isEqualTo(Map.of("Contact", Map.of("UNDECODABLE_REPLACED", 1L)));
        List<String> file = Files.readAllLines(dataDir.resolve("runs").resolve(report.runId()).resolve("warnings")
                .resolve("Contact.csv"));
        assertThat(file).containsExactly("legacy_id,outcome,reason,warning",
                "ContactRef5,loaded,UNDECODABLE_REPLACED," + warning);
    }

    private String outcomeWarnings(String runId, String legacyId) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select warnings from outcome where run_id = ? and legacy_id = ?")) {
            select.setString(1, runId);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
