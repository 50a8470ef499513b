package io.cutover.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsoluteDataDirTest {

    private static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile(profile).withInterceptors(new AbsoluteDataDir())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void aRelativeDataFolderIsReadAsAnAbsolutePathInExpressionsToo() {
        SmallRyeConfig config = config("prod", Map.of(
                "cutover.data-dir", "data",
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:${cutover.data-dir}/state/cutover"));

        String absolute = Path.of("data").toAbsolutePath().toString();
        assertThat(config.getValue("cutover.data-dir", String.class)).isEqualTo(absolute);
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:h2:file:" + absolute + "/state/cutover");
    }

    @Test
    void theProfileValueIsTheOneMadeAbsolute() {
        SmallRyeConfig config = config("test", Map.of(
                "cutover.data-dir", "./data",
                "%test.cutover.data-dir", "./target/../target/test-data"));

        assertThat(config.getValue("cutover.data-dir", String.class))
                .isEqualTo(Path.of("target/test-data").toAbsolutePath().toString());
    }

    @Test
    void otherKeysAndAbsolutePathsAreLeftAsTheyAre() {
        SmallRyeConfig config = config("prod", Map.of("cutover.data-dir", "/var/lib/cutover", "cutover.export.dir", "exports"));

        assertThat(config.getValue("cutover.data-dir", String.class)).isEqualTo("/var/lib/cutover");
        assertThat(config.getValue("cutover.export.dir", String.class)).isEqualTo("exports");
    }
}
