package io.cutover.source;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Positive;

/**
 * How an export is read ({@code cutover.read.*}), checked when the application starts: a wrong value stops the start
 * with the key named. The route template reads it ({@code {{cutover.read.commit-interval}}}, routes/object-pipeline.yaml),
 * so it is declared here although no bean reads it; its default and why are in application.properties.
 */
@ConfigMapping(prefix = "cutover.read")
public interface ReadConfig {

    /** Records read that are staged in the ledger per transaction. */
    @Positive
    int commitInterval();
}
