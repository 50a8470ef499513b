package io.cutover.progress;

import io.cutover.pipeline.Outcome;
import io.cutover.run.Runs;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A line per object of the migration run in progress, every {@code cutover.progress.interval} (routes/progress.yaml):
 * read, loaded and the other outcomes of the total, records per second since the last line, and the time left.
 */
@Singleton
@Named("progressLog")
public class ProgressLog {

    private static final Logger LOG = Logger.getLogger(ProgressLog.class);

    /** What one object's line says. */
    public record Line(String object, long read, Long total, boolean totalExact, long done, long pending,
            Map<String, Long> outcomes, double perSecond, Long percent, Long secondsLeft) {

        public String text() {
            StringBuilder line = new StringBuilder(String.format("%s: read %,d", object, read));
            if (total != null) {
                line.append(String.format(" of %s%,d", totalExact ? "" : "≈", total));
            }
            outcomes.forEach((outcome, count) -> line.append(String.format(", %s %,d", outcome, count)));
            line.append(String.format(", pending %,d", pending));
            if (percent != null) {
                line.append(String.format(" (%d%%)", percent));
            }
            line.append(String.format("; %,.0f records/s", perSecond));
            if (secondsLeft != null) {
                line.append(String.format(", about %s left", shown(secondsLeft)));
            }
            return line.toString();
        }
    }

    private final RunProgress progress;
    private final Runs runs;
    /** Records done per object at the last line, and when: the rate is the recent one. */
    private final Map<String, Long> doneAtLastLine = new HashMap<>();
    private Instant lastLine;
    private String runOfLastLine;

    ProgressLog(RunProgress progress, Runs runs) {
        this.progress = progress;
        this.runs = runs;
    }

    /** Logs the run's progress, if a migration run is in progress. */
    public synchronized void log() {
        if (!runs.inProgress() || runs.syncCycleInProgress()) {
            return;
        }
        progress.currentRun().ifPresent(run -> {
            if (!run.equals(runOfLastLine)) {
                doneAtLastLine.clear();
                lastLine = progress.startedAt();
                runOfLastLine = run;
            }
            Instant now = Instant.now();
            double seconds = Math.max(0.001, Duration.between(lastLine, now).toMillis() / 1000.0);
            progress.objects(run).forEach((object, counts) -> {
                Line line = line(object, counts, (counts.done() - doneAtLastLine.getOrDefault(object, counts.done()))
                        / seconds);
                doneAtLastLine.put(object, counts.done());
                // an object read whole with nothing pending is done: its figures are the report's
                if (!line.totalExact() || line.pending() > 0) {
                    LOG.infof("Run %s: %s", run, line.text());
                }
            });
            lastLine = now;
        });
    }

    /** The lines of the run, live (for GET /runs/{id}): the rate since the run started. */
    public Map<String, Line> lines(String run) {
        Map<String, Line> lines = new java.util.LinkedHashMap<>();
        Instant startedAt = progress.startedAt();
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
        progress.objects(run).forEach((object, counts) -> lines.put(object,
                line(object, counts, seconds == 0 ? 0 : counts.done() / seconds)));
        return lines;
    }

    static Line line(String object, RunProgress.ObjectProgress counts, double perSecond) {
        Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.PENDING && counts.outcome(outcome) > 0) {
                outcomes.put(outcome.label(), counts.outcome(outcome));
            }
        }
        Optional<Long> total = counts.total();
        Long percent = total.filter(all -> all > 0)
                // an estimate may be low or high: never 100 % before the last record has its outcome
                .map(all -> Math.min(counts.totalExact() && counts.pending() == 0 ? 100 : 99, counts.done() * 100 / all))
                .orElse(null);
        Long secondsLeft = total.filter(all -> perSecond > 0 && all > counts.done())
                .map(all -> (long) Math.ceil((all - counts.done()) / perSecond)).orElse(null);
        return new Line(object, counts.read(), total.orElse(null), counts.totalExact(), counts.done(), counts.pending(),
                outcomes, Math.round(perSecond * 10) / 10.0, percent, secondsLeft);
    }

    private static String shown(long seconds) {
        return seconds < 60 ? seconds + " s" : String.format("%d:%02d", seconds / 60, seconds % 60) + " min";
    }
}
