package io.cutover.run;

import io.cutover.testing.LegacyCrmSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample export served by the application's own legacy CRM simulator, and source descriptions that read it from
 * there over REST: accounts by offset and limit, contacts by following the next link, both with the bearer token.
 */
public class LegacyCrmExport extends SampleExport {

    /**
     * The simulator is the application itself, so its URL needs the port known before the application starts: the one
     * given on the command line (-Dquarkus.http.test-port, which wins over this resource's), or one of its own.
     */
    public static final int PORT = Integer.getInteger("quarkus.http.test-port", 18597);

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path sources = Files.createDirectories(exportDir.resolveSibling("sources"));
            for (Map.Entry<String, String> description : descriptions("http://localhost:" + PORT + "/legacy-crm/api").entrySet()) {
                Files.writeString(sources.resolve(description.getKey()), description.getValue());
            }
            config.putAll(LegacyCrmSimulator.ON);
            config.put("cutover.sources.dir", sources.toString());
            config.put("cutover.legacy-crm.data-dir", exportDir.toString());
            config.put("quarkus.http.test-port", String.valueOf(PORT));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source descriptions, by file name, of the collections of the API at {@code api}. */
    protected Map<String, String> descriptions(String api) {
        return Map.of("accounts.yaml", """
                object: Account
                legacyId: account_id
                rest:
                  url: %s/accounts
                  records: "$.records"
                  paging: {style: offset, limit: 20}
                  auth: {bearer: legacy-crm-token}
                """.formatted(api), "contacts.yaml", """
                object: Contact
                legacyId: contact_id
                rest:
                  url: %s/contacts?per_page=40
                  records: "$.records"
                  paging: {style: next-link, next: "$.next"}
                  auth: {bearer: legacy-crm-token}
                """.formatted(api));
    }
}
