package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.run.ControlConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state store's and the control API's settings as SmallRye maps them: the choice of store, a key of its own beside
 * the mapping's prefix, is not taken for an unknown key of it, and the secrets are read but nowhere in the mappings' text.
 */
class StateStoreConfigTest {

    @Test
    void theChoiceBesideThePrefixIsNoUnknownKeyAndTheSecretsAreNotPrinted() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(StateStoreConfig.class).withMapping(ControlConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("cutover.state-store", "postgresql",
                        "cutover.state-store.url", "jdbc:postgresql://db/cutover", "cutover.state-store.username", "cutover",
                        "cutover.state-store.password", "password-4711", "cutover.control.token", "token-4711"), "test", 100))
                .build();

        StateStoreConfig store = config.getConfigMapping(StateStoreConfig.class);
        ControlConfig control = config.getConfigMapping(ControlConfig.class);

        assertThat(store.kind()).isEqualTo("postgresql");
        assertThat(store.url()).contains("jdbc:postgresql://db/cutover");
        assertThat(store.password()).contains("password-4711");
        assertThat(control.token()).contains("token-4711");
        assertThat(store.toString()).doesNotContain("4711");
        assertThat(control.toString()).doesNotContain("4711");
    }
}
