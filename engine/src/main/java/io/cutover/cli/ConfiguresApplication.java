package io.cutover.cli;

import java.util.Map;

/** A command, or a group of options, that sets configuration keys for the application it starts. */
interface ConfiguresApplication {

    /** Adds the keys the options given set; an option not given sets nothing, so the configuration stays as it is. */
    void configure(Map<String, String> configuration);
}
