package io.cutover.dedup;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * How duplicates are looked for ({@code cutover.matching.*}; docs/duplicates.md), checked when the application starts:
 * a wrong value stops the start with the key named. Their defaults and the why of each are in application.properties.
 */
@ConfigMapping(prefix = "cutover.matching")
public interface MatchingConfig {

    /** The folder of the match rules, one file per object; none looked for when it does not exist. */
    Path dir();

    /** review, merge or off (any case). */
    Mode mode();

    enum Mode {
        /** The likely duplicates among the records a run loads are written for review, and loaded as they are. */
        REVIEW,
        /** Clusters scoring at least their rules' merge.above are merged into one surviving record, the rest reviewed. */
        MERGE,
        /** Not looked for. */
        OFF
    }
}
