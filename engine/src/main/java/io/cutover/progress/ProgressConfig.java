package io.cutover.progress;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The progress log ({@code cutover.progress.*}; docs/runs.md), checked when the application starts: a wrong value stops
 * the start with the key named. Its timer route reads it ({@code {{cutover.progress.interval}}}, routes/progress.yaml),
 * so it is declared here although no bean reads it; its default and why are in application.properties.
 */
@ConfigMapping(prefix = "cutover.progress")
public interface ProgressConfig {

    /** A line per object of the migration run in progress this often. */
    @DurationMin(millis = 1)
    Duration interval();
}
