package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The commands that keep running: their HTTP port, and whether they start a migration run as they come up. */
class ServerOptions implements ConfiguresApplication {

    @Option(names = "--port", paramLabel = "PORT", description = "The HTTP port: control API, health, metrics, the"
            + " sandbox (quarkus.http.port; default 8080).")
    Integer port;

    @Option(names = "--run-at-start", negatable = true, description = "Start a migration run as soon as the"
            + " application is up, or not (cutover.run-at-start; default: yes).")
    Boolean runAtStart;

    @Override
    public void configure(Map<String, String> configuration) {
        if (port != null) {
            configuration.put("quarkus.http.port", port.toString());
        }
        if (runAtStart != null) {
            configuration.put("cutover.run-at-start", runAtStart.toString());
        }
    }
}
