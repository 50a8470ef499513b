package io.cutover.sandbox.crm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Runtime configuration of the generic CRM simulator; every key has a default, so no properties file is needed. */
@ConfigMapping(prefix = "cutover.generic-crm")
public interface GenericCrmConfig {

    /** Off by default: the simulator answers only when turned on (it is in dev and test). */
    @WithDefault("false")
    boolean enabled();

    /** The bearer token every API call must present; any other answers 401. */
    @WithDefault("generic-crm-token")
    String token();

    /** Faults injected into API calls; all off by default, changeable at run time (/generic-crm/admin/faults). */
    Faults faults();

    interface Faults {
        /** Share of calls refused with 503 before anything is written. */
        @WithDefault("0")
        double errorRate();

        /** Share of calls refused with 429 and a Retry-After header. */
        @WithDefault("0")
        double rateLimitRate();

        /** The Retry-After of a 429 answer. */
        @WithDefault("1s")
        Duration retryAfter();

        /** Share of writes answered late: the write is done, the answer waits {@code slow-answer}. */
        @WithDefault("0")
        double slowRate();

        @WithDefault("2s")
        Duration slowAnswer();

        /** Makes the injected faults repeatable. */
        Optional<Long> seed();
    }
}
