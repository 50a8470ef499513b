package io.cutover.sandbox.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator serves the export's rows as the files hold them, read with its own CSV parser, not the engine's. */
class LegacyCrmDataTest {

    @TempDir
    Path export;

    @Test
    void everyRowIsServedWithItsColumnsAsTextInTheHeadersOrder() throws IOException {
        Files.writeString(export.resolve("accounts.csv"), "\uFEFFaccount_id,name,description\n"
                + "A-1,\"Bluth, Company\",\"Two\nlines\"\n"
                + "A-2,Sitwell Enterprises,\n");

        List<LegacyCrmData.Stored> accounts = data().list(LegacyCrmCollection.ACCOUNTS, Optional.empty());

        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).fields().keySet()).containsExactly("account_id", "name", "description",
                LegacyCrmData.UPDATED_AT, LegacyCrmData.DELETED);
        assertThat(accounts.get(0).fields()).containsEntry("name", "Bluth, Company").containsEntry("description", "Two\nlines")
                .containsEntry(LegacyCrmData.UPDATED_AT, "2024-01-01T00:00:00Z").containsEntry(LegacyCrmData.DELETED, false);
        assertThat(accounts.get(1).fields()).containsEntry("account_id", "A-2").containsEntry("description", "")
                .containsEntry(LegacyCrmData.UPDATED_AT, "2024-01-01T00:01:00Z");
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsNotServed() throws IOException {
        Files.writeString(export.resolve("accounts.csv"), "account_id,name\nA-1,Bluth Company\nA-2,Sitwell,extra\n");

        assertThatThrownBy(() -> data().list(LegacyCrmCollection.ACCOUNTS, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accounts.csv").hasMessageContaining("3 values");
    }

    private LegacyCrmData data() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(LegacyCrmConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", Map.of("cutover.legacy-crm.data-dir", export.toString())) {
                })
                .build();
        return new LegacyCrmData(config.getConfigMapping(LegacyCrmConfig.class));
    }
}
