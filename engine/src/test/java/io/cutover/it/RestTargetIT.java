package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application with a REST target, as a user runs it: no Salesforce org nor sandbox, the target's
 * description file, its secret from the environment; a broken description stops the start with one message.
 */
class RestTargetIT {

    private static final String TOKEN = "crm-token-7d1e5b90a4";

    @Test
    void onceModeMigratesTheSampleIntoTheGenericCrmWithoutAnySalesforce() throws Exception {
        int port = freePort();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "rest-target-").toAbsolutePath();
        Path description = Files.writeString(dataDir.resolve("crm.yaml"), Files.readString(Path.of("targets/generic-crm.yaml"))
                .replace("http://localhost:8080/", "http://localhost:" + port + "/"));

        PackagedApplication once = PackagedApplication.start(Map.of("GENERIC_CRM_TOKEN", TOKEN, "CUTOVER_GENERIC_CRM_TOKEN", TOKEN),
                "-Dquarkus.http.port=" + port, "-Dcutover.mode=once", "-Dcutover.target.kind=rest",
                "-Dcutover.target.description=" + description, "-Dcutover.generic-crm.enabled=true",
                "-Dcutover.data-dir=" + dataDir);

        assertThat(once.exitCode()).as(once.output()).isZero();
        JsonNode report = new ObjectMapper().readTree(onlyReport(dataDir).toFile());
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.at("/objects/Account/loaded").asLong()).isEqualTo(50);
        assertThat(report.at("/objects/Contact/loaded").asLong()).isEqualTo(150);
        assertThat(once.output()).contains("Started load-rest-target").doesNotContain("Started load-salesforce")
                .doesNotContain(TOKEN);
    }

    @Test
    void aBrokenDescriptionNamesTheFileAndTheKeys() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "rest-target-").toAbsolutePath();
        Path description = Files.writeString(dataDir.resolve("crm.yaml"), Files.readString(Path.of("targets/generic-crm.yaml"))
                .replace("    upsert: PUT /accounts/by-legacy-id/{legacyId}\n", "    upsert: PUT /accounts/by-legacy-id\n")
                .replace("    id: \"$.id\"\n    create:", "    create:"));

        PackagedApplication app = PackagedApplication.start("-Dcutover.target.kind=rest",
                "-Dcutover.target.description=" + description, "-Dcutover.data-dir=" + dataDir);

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output())
                .contains("Cutover cannot start: the REST target's settings have 3 problems:")
                .contains(description + ": auth.bearer: the environment variable GENERIC_CRM_TOKEN is not set")
                .contains(description + ": objects.Account.upsert: the path needs {legacyId}")
                .contains(description + ": objects.Contact.id: missing (expected a text value)")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownTargetKindNamesTheKeyAndTheKinds() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.target.kind=hubspot");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Configuration validation failed:")
                .contains("cutover.target.kind must be salesforce or rest")
                .doesNotContain("\tat ");
    }

    private static Path onlyReport(Path dataDir) throws Exception {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<Path> reports = runs.map(run -> run.resolve("report.json")).toList();
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
