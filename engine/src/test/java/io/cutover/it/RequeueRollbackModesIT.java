package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application's requeue and rollback modes, as a pipeline runs them one after the other against the
 * built-in sandbox (whose records persist in the data folder): each exits with the code once mode would.
 */
class RequeueRollbackModesIT {

    @Test
    void aRejectIsFixedAndRequeuedThenBothRunsAreRolledBackLatestFirst() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "requeue-rollback-").toAbsolutePath();
        Path dataDir = work.resolve("data");
        Path export = Files.createDirectories(work.resolve("export"));
        try (Stream<Path> files = Files.list(Path.of("samples/apex-recipes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, export.resolve(file.getFileName()));
            }
        }
        Files.writeString(export.resolve("contacts.csv"), "ContactNew1,Funke,Tobias,tobias@example.com,AccountRef999,Analyst,5550100\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String[] common = {"-Dcutover.sandbox.enabled=true", "-Dcutover.data-dir=" + dataDir, "-Dcutover.export.dir=" + export};

        PackagedApplication once = start(common, "-Dcutover.mode=once");
        assertThat(once.exitCode()).as(once.output()).isEqualTo(1);
        String firstRun = onlyRun(dataDir, List.of());
        Path rejects = dataDir.resolve("runs").resolve(firstRun).resolve("rejects").resolve("Contact.csv");
        Files.writeString(rejects, Files.readString(rejects).replace(",AccountRef999,", ",AccountRef1,"));

        PackagedApplication requeue = start(common, "-Dcutover.mode=requeue", "-Dcutover.requeue.dir=" + rejects.getParent());
        assertThat(requeue.exitCode()).as(requeue.output()).isZero();
        String requeueRun = onlyRun(dataDir, List.of(firstRun));
        JsonNode requeued = json(dataDir.resolve("runs").resolve(requeueRun).resolve("report.json"));
        assertThat(requeued.get("mode").asText()).isEqualTo("requeue");
        assertThat(requeued.at("/objects/Contact/loaded").asLong()).isEqualTo(1);

        PackagedApplication refused = start(common, "-Dcutover.mode=rollback", "-Dcutover.rollback.run-id=" + firstRun);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("run " + requeueRun + ": 1 records");

        PackagedApplication rollBackRequeue = start(common, "-Dcutover.mode=rollback", "-Dcutover.rollback.run-id=" + requeueRun);
        assertThat(rollBackRequeue.exitCode()).as(rollBackRequeue.output()).isZero();
        assertThat(json(dataDir.resolve("runs").resolve(requeueRun).resolve("rollback.json")).at("/objects/Contact/deleted").asLong())
                .isEqualTo(1);

        PackagedApplication rollBackFirst = start(common, "-Dcutover.mode=rollback", "-Dcutover.rollback.run-id=" + firstRun);
        assertThat(rollBackFirst.exitCode()).as(rollBackFirst.output()).isZero();
        JsonNode rolledBack = json(dataDir.resolve("runs").resolve(firstRun).resolve("rollback.json"));
        assertThat(rolledBack.at("/objects/Contact/deleted").asLong()).isEqualTo(150);
        assertThat(rolledBack.at("/objects/Account/deleted").asLong()).isEqualTo(50);

        PackagedApplication noRunId = start(common, "-Dcutover.mode=rollback");
        assertThat(noRunId.exitCode()).as(noRunId.output()).isEqualTo(2);
        assertThat(noRunId.output()).contains("cutover.rollback.run-id (CUTOVER_ROLLBACK_RUN_ID) is not set");
    }

    private static PackagedApplication start(String[] common, String... more) throws Exception {
        return PackagedApplication.start(Stream.concat(Stream.of(common), Stream.of(more)).toArray(String[]::new));
    }

    /** The one run folder that is not among those already known. */
    private static String onlyRun(Path dataDir, List<String> known) throws Exception {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<String> added = runs.map(run -> run.getFileName().toString()).filter(run -> !known.contains(run)).toList();
            assertThat(added).hasSize(1);
            return added.get(0);
        }
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
