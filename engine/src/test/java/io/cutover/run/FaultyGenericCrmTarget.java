package io.cutover.run;

import java.util.HashMap;
import java.util.Map;

/**
 * The generic CRM target for tests that turn the simulator's faults on: calls give up after 3 s, which its slow answers
 * (4 s) exceed, and a record may take ten attempts, so that a run with faults on every call still decides every record.
 */
public class FaultyGenericCrmTarget extends GenericCrmTarget {

    @Override
    protected String timeout() {
        return "3s";
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.load.max-attempts", "10");
        return config;
    }
}
