package io.cutover.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: any configuration key, the data folder, the built-in sandbox as the target. */
class CommonOptions implements ConfiguresApplication {

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Sets any configuration key"
            + " (-Dcutover.load.parallelism=4), over a -D on the JVM and a CUTOVER_* environment variable; repeatable.")
    Map<String, String> keys = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The state store, run reports and the sandbox's"
            + " records (cutover.data-dir; default ./data).")
    Path dataDir;

    @Option(names = "--sandbox", description = "Migrates into the built-in Salesforce sandbox instead of an org"
            + " (cutover.sandbox.enabled=true).")
    boolean sandbox;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Override
    public void configure(Map<String, String> configuration) {
        configuration.putAll(keys);
        if (dataDir != null) {
            configuration.put("cutover.data-dir", dataDir.toString());
        }
        if (sandbox) {
            configuration.put("cutover.sandbox.enabled", "true");
        }
    }
}
