package io.cutover.rollback;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * What a rollback rolls back ({@code cutover.rollback.*}; docs/runs.md), checked when the application starts: an
 * unknown key under the prefix stops the start with the key named. {@code cutover rollback <run id>} sets it.
 */
@ConfigMapping(prefix = "cutover.rollback")
public interface RollbackConfig {

    /** The run a rollback rolls back; a rollback without it stops, naming the key. */
    Optional<String> runId();
}
