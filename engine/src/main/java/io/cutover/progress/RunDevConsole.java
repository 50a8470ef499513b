package io.cutover.progress;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The Camel dev console named {@code cutover} (the Dev UI's Camel card, in dev mode): the latest migration run's
 * progress, object by object, as the progress log and GET /runs/{id} show it.
 */
@Singleton
public class RunDevConsole extends AbstractDevConsole {

    private final RunProgress progress;
    private final ProgressLog progressLog;

    RunDevConsole(RunProgress progress, ProgressLog progressLog) {
        super("camel", "cutover", "Cutover", "The latest migration run's progress, object by object");
        this.progress = progress;
        this.progressLog = progressLog;
    }

    /** Dev consoles are on in dev mode only (camel.main.dev-console-enabled): then this one joins them. */
    void register(@Observes StartupEvent event, CamelContext camel) {
        DevConsoleRegistry consoles = camel.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        if (consoles != null) {
            setCamelContext(camel);
            consoles.register(this);
        }
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        return progress.currentRun().map(run -> {
            StringBuilder text = new StringBuilder("Run " + run + System.lineSeparator());
            progressLog.lines(run).values().forEach(line -> text.append("  ").append(line.text()).append(System.lineSeparator()));
            return text.toString();
        }).orElse("No migration run since the application started");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> json = new LinkedHashMap<>();
        progress.currentRun().ifPresent(run -> {
            json.put("runId", run);
            json.put("objects", progressLog.lines(run));
        });
        return json;
    }
}
