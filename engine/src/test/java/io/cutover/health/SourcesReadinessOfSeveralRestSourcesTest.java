package io.cutover.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.source.SourceCatalogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness of an object with two REST sources: down while one of the two servers takes no connection, naming it. */
class SourcesReadinessOfSeveralRestSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aSourceWhoseServerTakesNoConnectionIsNamedAndTheOtherIsNot() throws IOException {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (ServerSocket europe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path sources = Files.createDirectories(dir.resolve("sources"));
            describe(sources, "eu", europe.getLocalPort());
            describe(sources, "us", closedPort);

            HealthCheckResponse response = new SourcesReadiness(SourceCatalogs.of(sources, dir)).call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow().get("Contact")).asString()
                    .startsWith("us: 127.0.0.1:" + closedPort).doesNotContain("eu:");
        }
    }

    private static void describe(Path sources, String name, int port) throws IOException {
        Files.writeString(sources.resolve("contacts-" + name + ".yaml"), """
                object: Contact
                legacyId: id
                source: %s
                rest:
                  url: http://127.0.0.1:%d/contacts
                  records: "$.records"
                  paging: {style: offset}
                """.formatted(name, port));
    }
}
