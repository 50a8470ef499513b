package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The target out in the middle of a migration, run by the packaged application in once mode against the sandbox in
 * a process of its own: a minute of calls that hang, two minutes of connections refused. Each time the load pauses and
 * probes instead of spending the records' attempts, and the run completes with no reject and the target exact.
 */
class TargetOutageIT {

    /** Below the bulk threshold: sObject collections, one call per 200 records. */
    private static final GeneratedExport EXPORT = new GeneratedExport(600, 1_800);
    /** Every call takes this long before the outage, so that the outage begins in the middle of the run. */
    private static final int LATENCY_MS = 2_000;

    @Test
    void aTargetThatHangsForAMinutePausesTheRunWhichThenCompletesWithNoReject() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "hung-data-").toAbsolutePath();
        PackagedApplication org = startOrg(PackagedApplication.freePort(), newOrgData());
        try {
            String orgUrl = "http://localhost:" + org.port;
            CrashResumeIT.slowOrg(orgUrl, LATENCY_MS);
            PackagedApplication run = startMigration(orgUrl, dataDir);

            CrashResumeIT.slowOrg(orgUrl, 60_000);
            TimeUnit.SECONDS.sleep(60);
            assertThat(run.isAlive()).as("paused, not ended, while the target hangs:\n" + run.output()).isTrue();
            CrashResumeIT.slowOrg(orgUrl, 0);

            assertCompletedExactly(run, dataDir, orgUrl);
        } finally {
            org.stop();
        }
    }

    @Test
    void twoMinutesOfConnectionsRefusedPauseTheRunWhichThenCompletesWithNoReject() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "refused-data-").toAbsolutePath();
        int orgPort = PackagedApplication.freePort();
        Path orgData = newOrgData();
        PackagedApplication org = startOrg(orgPort, orgData);
        String orgUrl = "http://localhost:" + orgPort;
        CrashResumeIT.slowOrg(orgUrl, LATENCY_MS);
        PackagedApplication run = startMigration(orgUrl, dataDir);

        // stopped, not killed: the org keeps what it committed, as Salesforce does through an outage
        org.stop();
        TimeUnit.SECONDS.sleep(120);
        assertThat(run.isAlive()).as("paused, not ended, while the target refuses connections:\n" + run.output()).isTrue();
        org = startOrg(orgPort, orgData);
        try {
            assertCompletedExactly(run, dataDir, orgUrl);
        } finally {
            org.stop();
        }
    }

    private static Path newOrgData() throws Exception {
        return Files.createTempDirectory(Path.of("target"), "org-data-").toAbsolutePath();
    }

    private static PackagedApplication startOrg(int port, Path orgData) throws Exception {
        PackagedApplication org = PackagedApplication.startOn(port, Map.of(), "-Dcutover.sandbox.enabled=true",
                "-Dcutover.run-at-start=false", "-Dcutover.data-dir=" + orgData);
        OnceModeIT.awaitReady("http://localhost:" + port, org);
        return org;
    }

    /** Started, and a few calls into its run. */
    private static PackagedApplication startMigration(String orgUrl, Path dataDir) throws Exception {
        Path exportDir = EXPORT.write("outage-export-");
        PackagedApplication run = PackagedApplication.start(PackagedApplication.environment(
                PackagedApplication.sandboxLogin(orgUrl), Map.of(
                        "CUTOVER_MODE", "once",
                        "CUTOVER_EXPORT_DIR", exportDir.toString(),
                        "CUTOVER_DATA_DIR", dataDir.toString())), "-Dcutover.data-dir=" + dataDir);
        CrashResumeIT.awaitRunStart(run);
        TimeUnit.MILLISECONDS.sleep(2 * LATENCY_MS);
        assertThat(run.isAlive()).as("still running when the outage begins:\n" + run.output()).isTrue();
        return run;
    }

    private static void assertCompletedExactly(PackagedApplication run, Path dataDir, String orgUrl) throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as("the outage was seen").contains("calls wait until it answers again");
        JsonNode report = new ObjectMapper().readTree(CrashResumeIT.onlyReport(dataDir).toFile());
        assertThat(report.get("status").asText()).isEqualTo("completed");
        EXPORT.assertAccounted(report);
        EXPORT.assertTargetExact(orgUrl, run.output());
    }
}
