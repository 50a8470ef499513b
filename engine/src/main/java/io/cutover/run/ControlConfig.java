package io.cutover.run;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The control API's token ({@code cutover.control.*}; docs/runs.md), from the environment (CUTOVER_CONTROL_TOKEN). An
 * unknown key under the prefix stops the start with the key named. It is a secret: this interface declares no
 * {@code toString}, so that none is generated that would print it, and no constraint, so that no message quotes it.
 */
@ConfigMapping(prefix = "cutover.control")
public interface ControlConfig {

    /** The bearer token the control API demands; unset or blank: the control API is off. */
    Optional<String> token();
}
