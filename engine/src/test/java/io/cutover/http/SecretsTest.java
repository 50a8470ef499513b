package io.cutover.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final Function<String, String> ENVIRONMENT = Map.of("CRM_TOKEN", "s3cret", "BLANK", " ")::get;
    private final List<String> problems = new ArrayList<>();

    @Test
    void anEnvironmentReferenceIsTheVariablesValue() {
        assertThat(Secrets.resolve("${env:CRM_TOKEN}", ENVIRONMENT, problems::add)).contains("s3cret");
        assertThat(problems).isEmpty();
    }

    @Test
    void anythingElseIsTheSecretAsWritten() {
        assertThat(Secrets.resolve("literal", ENVIRONMENT, problems::add)).contains("literal");
        assertThat(Secrets.resolve("prefix-${env:CRM_TOKEN}", ENVIRONMENT, problems::add)).contains("prefix-${env:CRM_TOKEN}");
        assertThat(problems).isEmpty();
    }

    @Test
    void aVariableThatIsNotSetIsAProblem() {
        assertThat(Secrets.resolve("${env:UNSET}", ENVIRONMENT, problems::add)).isEmpty();
        assertThat(Secrets.resolve("${env:BLANK}", ENVIRONMENT, problems::add)).isEmpty();
        assertThat(problems).containsExactly("the environment variable UNSET is not set",
                "the environment variable BLANK is not set");
    }
}
