package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Credentials never reach the log, even at DEBUG: a once-mode migration into the built-in sandbox, logged at DEBUG,
 * logs in with a password and calls the API with a bearer token, and neither appears (the HTTP clients would print
 * their requests whole). And its end logs no stack trace.
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
        // the run's end is quiet too: no stack trace for a logout from a target already gone
        assertThat(log).doesNotContain("Unexpected logout exception").doesNotContain("Connection refused");
    }
}
