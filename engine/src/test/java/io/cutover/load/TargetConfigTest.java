package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target's settings as SmallRye maps them: the secrets are there to read, and nowhere in the mapping's text. */
class TargetConfigTest {

    @Test
    void theSecretsAreReadButNotPrinted() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TargetConfig.class).withDefaultValues(Map.ofEntries(
                Map.entry("cutover.target.kind", "salesforce"), Map.entry("cutover.target.description", "targets/x.yaml"),
                Map.entry("cutover.target.client-name", "cutover"), Map.entry("cutover.target.api-version", "60.0"),
                Map.entry("cutover.target.max-answer-bytes", "1000"), Map.entry("cutover.target.keystore.type", "PKCS12"),
                Map.entry("cutover.target.client-secret", "client-secret-4711"),
                Map.entry("cutover.target.password", "password-4711"),
                Map.entry("cutover.target.refresh-token", "refresh-token-4711"),
                Map.entry("cutover.target.keystore.password", "keystore-password-4711"))).build();

        TargetConfig target = config.getConfigMapping(TargetConfig.class);

        assertThat(target.clientSecret()).contains("client-secret-4711");
        assertThat(target.password()).contains("password-4711");
        assertThat(target.refreshToken()).contains("refresh-token-4711");
        assertThat(target.keystore().password()).contains("keystore-password-4711");
        assertThat(target.toString()).doesNotContain("4711");
        assertThat(target.keystore().toString()).doesNotContain("4711");
    }
}
