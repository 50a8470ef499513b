package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The share of rejects a run that loads may have and still exit 0. */
class RejectLimitOptions implements ConfiguresApplication {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--max-reject-rate", paramLabel = "SHARE", description = "The share of the records read that may be"
            + " rejected with exit code 0, from 0 to 1 (cutover.max-reject-rate; default 0).")
    Double maxRejectRate;

    @Override
    public void configure(Map<String, String> configuration) {
        if (maxRejectRate == null) {
            return;
        }
        if (maxRejectRate < 0 || maxRejectRate > 1) {
            throw new ParameterException(command.commandLine(), "--max-reject-rate is " + maxRejectRate
                    + "; it is a share, from 0 to 1");
        }
        configuration.put("cutover.max-reject-rate", maxRejectRate.toString());
    }
}
