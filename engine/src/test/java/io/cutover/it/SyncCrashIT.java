package io.cutover.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the cutover sync: the packaged application migrates the legacy CRM simulator's accounts and contacts
 * over REST, then keeps the target in step while the simulator makes about 20 changes a second, and is killed with
 * SIGKILL three times during the sync, at random moments, and started again each time. After the final delta the
 * target holds exactly the legacy CRM's live records, field by field: no change lost, none applied twice.
 */
class SyncCrashIT {

    private static final int KILLS = 3;

    @Test
    void theSyncKilledThreeTimesLosesNoChangeAndAppliesNoneTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        try (SyncedSystems systems = SyncedSystems.start()) {
            Path dataDir = Files.createTempDirectory(Path.of("target"), "sync-data-").toAbsolutePath();
            // a killed leader's lease runs out after 3 s: the next one takes over then
            Map<String, String> cutover = PackagedApplication.environment(systems.cutoverEnvironment(),
                    Map.of("CUTOVER_SYNC_LEASE_DURATION", "3s"));
            systems.changesPerMinute(360, 600, 240);

            StringBuilder attempts = new StringBuilder("seed " + seed + ";");
            PackagedApplication sync = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            for (int kill = 1; kill <= KILLS; kill++) {
                SyncedSystems.awaitSyncCycles(sync, 2);
                long delay = random.nextInt(3_000);
                TimeUnit.MILLISECONDS.sleep(delay);
                attempts.append(" killed ").append(delay).append(" ms after two sync cycles;");
                sync.kill();
                sync = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            }
            try {
                SyncedSystems.awaitSyncCycles(sync, 2);
                systems.finalDeltaAgrees(sync, dataDir, attempts.toString());
            } finally {
                sync.stop();
            }
        }
    }
}
