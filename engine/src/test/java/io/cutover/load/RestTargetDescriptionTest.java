package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutover.config.ConfigurationProblems;
import io.cutover.load.RestTargetDescription.TargetObject;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target description files: what they say, and every problem of a broken one named by file and key at once. */
class RestTargetDescriptionTest {

    private static final Map<String, Path> SAMPLE_MAPPINGS = Map.of(
            "Account", Path.of("mappings/account.yaml"), "Contact", Path.of("mappings/contact.yaml"));

    @TempDir
    Path dir;

    @Test
    void theShippedDescriptionOfTheSimulatorUpsertsAccountsAndSearchesContacts() {
        RestTargetDescription description = read(Path.of("targets/generic-crm.yaml"),
                Map.of("GENERIC_CRM_TOKEN", "s3cret")::get).orElseThrow();

        assertThat(description.timeout()).isEqualTo(Duration.ofSeconds(30));
        TargetObject account = description.find("Account").orElseThrow();
        assertThat(account.baseUrl()).hasToString("http://localhost:8080/generic-crm/api");
        assertThat(account.credential().orElseThrow().header()).isEqualTo("Authorization");
        assertThat(account.credential().orElseThrow().value()).isEqualTo("Bearer s3cret");
        assertThat(account.credential().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(account.upsert().orElseThrow()).hasToString("PUT /accounts/by-legacy-id/{legacyId}");
        assertThat(account.search()).isEmpty();
        TargetObject contact = description.find("Contact").orElseThrow();
        assertThat(contact.upsert()).isEmpty();
        assertThat(contact.create().orElseThrow()).hasToString("POST /contacts");
        assertThat(contact.update().orElseThrow()).hasToString("PATCH /contacts/{id}");
        assertThat(contact.search().orElseThrow().results().getPath()).isEqualTo("$['records']");
        assertThat(contact.search().orElseThrow().id().getPath()).isEqualTo("$['id']");
        assertThat(contact.legacyIdField()).isEqualTo("legacy_id");
    }

    @Test
    void valuesAreEncodedForThePathAndForTheQuery() {
        RestTargetDescription.Call search = new RestTargetDescription.Call("GET", "/contacts/{legacyId}?legacy_id={legacyId}&x=1");

        RestTargetDescription.Rendered rendered = search.render(Map.of("legacyId", "A&B 1/2+"));

        assertThat(rendered.path()).isEqualTo("/contacts/A%26B%201%2F2%2B");
        assertThat(rendered.query()).isEqualTo("legacy_id=A%26B+1%2F2%2B&x=1");
        assertThat(rendered).hasToString("GET /contacts/A%26B%201%2F2%2B?legacy_id=A%26B+1%2F2%2B&x=1");
    }

    @Test
    void basicAndApiKeyCredentialsAndPerObjectOverrides() throws IOException {
        Path file = write("""
                baseUrl: https://crm.example.com/api/v2/
                auth: {basic: {username: migration, password: "${env:CRM_PASSWORD}"}}
                objects:
                  Account:
                    legacyIdField: legacy_id
                    id: "$.data.id"
                    upsert: PATCH /accounts/legacy/{legacyId}
                  Contact:
                    baseUrl: https://contacts.example.com
                    auth: {apiKey: {header: X-Api-Key, value: "k-123"}}
                    legacyIdField: external_ref
                    id: "$.data.id"
                    create: POST /people
                    update: PUT /people/{id}
                    search: {call: "GET /people?ref={legacyId}", results: "$.data[*]", id: "$.uuid"}
                """);

        RestTargetDescription description = read(file, Map.of("CRM_PASSWORD", "pw")::get).orElseThrow();

        TargetObject account = description.find("Account").orElseThrow();
        assertThat(account.baseUrl()).hasToString("https://crm.example.com/api/v2");
        assertThat(account.credential().orElseThrow().value())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("migration:pw".getBytes()));
        assertThat(description.timeout()).isEqualTo(RestTargetDescriptionReader.DEFAULT_TIMEOUT);
        TargetObject contact = description.find("Contact").orElseThrow();
        assertThat(contact.baseUrl()).hasToString("https://contacts.example.com");
        assertThat(contact.credential().orElseThrow().header()).isEqualTo("X-Api-Key");
        assertThat(contact.credential().orElseThrow().value()).isEqualTo("k-123");
        assertThat(contact.search().orElseThrow().id().getPath()).isEqualTo("$['uuid']");
    }

    @Test
    void aBrokenDescriptionNamesTheFileAndTheKeyOfEveryProblem() throws IOException {
        Path file = write("""
                baseUrl: ftp://crm.example.com
                auth: {bearer: "${env:CRM_TOKEN}"}
                timeout: soon
                retries: 3
                objects:
                  Account:
                    legacyIdField: legacy_id
                    id: "$.["
                    upsert: PUT /accounts/by-legacy-id
                  Contact:
                    legacyIdField: legacy_id
                    id: "$.id"
                    create: DELETE /contacts/{id}
                    update: PATCH /contacts/{legacyId}
                """);
        ConfigurationProblems problems = new ConfigurationProblems("the REST target's settings");

        Optional<RestTargetDescription> description = RestTargetDescriptionReader.read(file, name -> null, SAMPLE_MAPPINGS, problems);

        assertThat(description).isEmpty();
        assertThatThrownBy(problems::throwIfAny).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cutover cannot start: the REST target's settings have 10 problems:")
                .hasMessageContaining(file + ": unknown key 'retries' (expected one of [baseUrl, auth, timeout, objects])")
                .hasMessageContaining(file + ": baseUrl: 'ftp://crm.example.com' is not an http or https URL without a query")
                .hasMessageContaining(file + ": auth.bearer: the environment variable CRM_TOKEN is not set")
                .hasMessageContaining(file + ": timeout: 'soon' is not a duration (e.g. 500ms, 30s, 2m)")
                .hasMessageContaining(file + ": objects.Account.id: '$.[' is not a JSONPath")
                .hasMessageContaining(file + ": objects.Account.upsert: the path needs {legacyId}, e.g. \"PUT /accounts/by-legacy-id/{legacyId}\"")
                .hasMessageContaining(file + ": objects.Contact.create: the method DELETE is not one of [POST, PUT]")
                .hasMessageContaining(file + ": objects.Contact.create: {id} is not known for this call (only update knows the target id)")
                .hasMessageContaining(file + ": objects.Contact.update: the path needs {id}, e.g. \"PATCH /contacts/{id}\"")
                .hasMessageContaining(file + ": objects.Contact: without upsert, the calls create, update and search are all needed; missing: search");
    }

    @Test
    void everyMappedObjectNeedsAnEntry() throws IOException {
        Path file = write("""
                baseUrl: http://localhost:8080/api
                objects:
                  Account: {legacyIdField: legacy_id, id: "$.id", upsert: "PUT /accounts/{legacyId}"}
                """);
        ConfigurationProblems problems = new ConfigurationProblems("the REST target's settings");

        RestTargetDescriptionReader.read(file, name -> null, SAMPLE_MAPPINGS, problems);

        assertThatThrownBy(problems::throwIfAny).hasMessage("Cutover cannot start: the REST target's settings have a problem:\n  "
                + file + ": objects: no entry for Contact, which mappings/contact.yaml maps");
    }

    @Test
    void anObjectWithoutABaseUrlAnywhereIsAProblem() throws IOException {
        Path file = write("""
                objects:
                  Account: {legacyIdField: legacy_id, id: "$.id", upsert: "PUT /accounts/{legacyId}"}
                """);
        ConfigurationProblems problems = new ConfigurationProblems("the REST target's settings");

        RestTargetDescriptionReader.read(file, name -> null, Map.of(), problems);

        assertThatThrownBy(problems::throwIfAny).hasMessageContaining(file
                + ": objects.Account.baseUrl: missing (give baseUrl at the top of the file or for the object)");
    }

    private Optional<RestTargetDescription> read(Path file, Function<String, String> environment) {
        ConfigurationProblems problems = new ConfigurationProblems("the REST target's settings");
        Optional<RestTargetDescription> description = RestTargetDescriptionReader.read(file, environment, SAMPLE_MAPPINGS, problems);
        problems.throwIfAny();
        return description;
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("crm.yaml"), yaml);
    }
}
