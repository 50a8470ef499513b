package io.cutover.run;

import io.cutover.testing.GenericCrmSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample export, migrated into the application's own generic CRM simulator as a REST target: accounts by upsert,
 * contacts by search, then create or update.
 */
public class GenericCrmTarget extends SampleExport {

    /**
     * The simulator is the application itself, so its URL needs the port known before the application starts: the one
     * given on the command line (-Dquarkus.http.test-port or QUARKUS_HTTP_TEST_PORT), or one of its own.
     */
    public static final int PORT = Integer.getInteger("quarkus.http.test-port",
            Integer.parseInt(System.getenv().getOrDefault("QUARKUS_HTTP_TEST_PORT", "18613")));
    public static final String TOKEN = "generic-crm-test-token";

    /** Generous: the first calls of a freshly started application are slow on a busy machine. */
    protected String timeout() {
        return "30s";
    }

    /** A REST target needs no Salesforce org: the application starts without the sandbox, as it ships. */
    @Override
    protected boolean loadsIntoTheSandbox() {
        return false;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path description = exportDir.resolveSibling("generic-crm.yaml");
            Files.writeString(description, """
                    baseUrl: http://localhost:%d/generic-crm/api
                    auth: {bearer: %s}
                    timeout: %s
                    objects:
                      Account:
                        legacyIdField: legacy_id
                        id: "$.id"
                        upsert: PUT /accounts/by-legacy-id/{legacyId}
                      Contact:
                        legacyIdField: legacy_id
                        id: "$.id"
                        create: POST /contacts
                        update: PATCH /contacts/{id}
                        search: {call: "GET /contacts?legacy_id={legacyId}", results: "$.records"}
                    """.formatted(PORT, TOKEN, timeout()));
            config.putAll(GenericCrmSimulator.ON);
            config.put("cutover.target.kind", "rest");
            config.put("cutover.target.description", description.toString());
            config.put("cutover.generic-crm.token", TOKEN);
            config.put("quarkus.http.test-port", String.valueOf(PORT));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
