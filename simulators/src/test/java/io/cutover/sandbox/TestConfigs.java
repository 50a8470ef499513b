package io.cutover.sandbox;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** The sandbox's real configuration mapping, with its defaults, for tests that run without Quarkus. */
final class TestConfigs {

    private TestConfigs() {
    }

    static SandboxConfig sandbox(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SandboxConfig.class)
                // Quarkus' own duration syntax ("30m", "2h"), as in the application
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", values) {
                })
                .build();
        return config.getConfigMapping(SandboxConfig.class);
    }
}
