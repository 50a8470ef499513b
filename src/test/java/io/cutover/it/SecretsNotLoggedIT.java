package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Credentials never reach the log, even at DEBUG: a once-mode migration into the built-in sandbox, logged at DEBUG,
 * logs in with a password and calls the API with a bearer token, and neither appears (the HTTP clients would print
 * their requests whole).
 */
class SecretsNotLoggedIT {

    @Test
    void aRunLoggedAtDebugLogsNoPasswordNorToken() throws Exception {
        PackagedApplication run = PackagedApplication.start("-Dcutover.mode=once", "-Dcutover.sandbox.enabled=true",
                "-Dquarkus.log.level=DEBUG");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String log = run.output();
        assertThat(log).contains(" DEBUG ").contains("Run ").contains("completed");
        assertThat(log).doesNotContain("password=sandbox").doesNotContain("cutover-sandbox-secret");
        assertThat(log).doesNotContainPattern("Authorization: (Bearer|OAuth) \\S{10}");
    }
}
