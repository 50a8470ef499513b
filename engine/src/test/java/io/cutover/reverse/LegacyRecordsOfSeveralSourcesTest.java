package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cutover.source.AccessTokens;
import io.cutover.source.LegacyApiRoute;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceCatalogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reverse sync's calls to an object with two REST sources, two legacy CRMs on two servers: each record is read and
 * written in the CRM its legacy id's namespace names, with that CRM's credential and its own id; a record created in
 * the target goes to the CRM whose writeBack has create.
 */
class LegacyRecordsOfSeveralSourcesTest {

    @TempDir
    Path dir;

    private final List<String> europe = Collections.synchronizedList(new ArrayList<>());
    private final List<String> americas = Collections.synchronizedList(new ArrayList<>());
    private HttpServer europeServer;
    private HttpServer americasServer;
    private CamelContext camel;
    private LegacyRecords legacy;

    @BeforeEach
    void start() throws Exception {
        europeServer = server(europe);
        americasServer = server(americas);
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("contacts-eu.yaml"), """
                object: Contact
                legacyId: contact_id
                source: eu
                values: {region: Europe}
                rest:
                  url: %1$s/contacts
                  records: "$.records"
                  paging: {style: offset}
                  auth: {bearer: eu-token}
                  writeBack:
                    read: GET %1$s/contacts/{id}
                    create: POST %1$s/contacts
                    update: PATCH %1$s/contacts/{id}
                    delete: DELETE %1$s/contacts/{id}
                """.formatted(base(europeServer)));
        Files.writeString(sources.resolve("contacts-us.yaml"), """
                object: Contact
                legacyId: id
                source: us
                values: {region: Americas}
                rest:
                  url: %1$s/v2/contacts
                  records: "$.data"
                  paging: {style: offset}
                  auth: {apiKey: {header: X-API-Key, value: us-key}}
                  writeBack:
                    read: GET %1$s/v2/contacts/{id}
                    update: PATCH %1$s/v2/contacts/{id}
                    delete: DELETE %1$s/v2/contacts/{id}
                """.formatted(base(americasServer)));
        SourceCatalog catalog = SourceCatalogs.of(sources, dir);
        camel = new DefaultCamelContext();
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        LegacyApiRoute.addTo(camel);
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        legacy = new LegacyRecords(template, catalog, new AccessTokens(template));
    }

    @AfterEach
    void stop() {
        camel.stop();
        europeServer.stop(0);
        americasServer.stop(0);
    }

    @Test
    void aRecordIsWrittenToTheCrmItsNamespaceNamesAsThatCrmKnowsIt() {
        Map<String, String> updated = legacy.update("Contact", "us:1001", Map.of("title", "Buyer", "region", "Americas"));

        assertThat(americas).containsExactly("PATCH /v2/contacts/1001 key=us-key {\"title\":\"Buyer\"}");
        assertThat(europe).isEmpty();
        assertThat(updated).as("read as the source's reads read it, with its constant column")
                .containsEntry("region", "Americas").containsEntry("title", "Buyer");

        legacy.read("Contact", "eu:1001");
        legacy.delete("Contact", "eu:1002");

        assertThat(europe).containsExactly("GET /contacts/1001 Bearer eu-token ", "DELETE /contacts/1002 Bearer eu-token ");
        assertThat(americas).hasSize(1);
    }

    @Test
    void aRecordCreatedInTheTargetGoesToTheCrmWhoseWriteBackCreatesAndGetsItsNamespace() {
        Map<String, String> created = legacy.create("Contact", Map.of("title", "New"));

        assertThat(europe).containsExactly("POST /contacts Bearer eu-token {\"title\":\"New\"}");
        assertThat(americas).isEmpty();
        assertThat(legacy.createdId("Contact", created)).isEqualTo("eu:C-9");
    }

    @Test
    void aLegacyIdOfNoSourcesNamespaceHasNoCrmToGoTo() {
        assertThat(legacy.writingTo("Contact", "fr:1001")).isEmpty();
        assertThat(legacy.writingTo("Contact", "1001")).isEmpty();
        assertThat(legacy.writingTo("Contact", "us:1001")).map(source -> source.source().orElseThrow()).hasValue("us");
    }

    /** A legacy CRM that logs each call and answers with the record: the id of its path, or C-9 for a creation. */
    private static HttpServer server(List<String> calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + authentication(exchange) + " "
                    + body);
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestMethod().equals("POST") ? "C-9" : path.substring(path.lastIndexOf('/') + 1);
            String title = body.contains("title") ? body.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1") : "Old";
            byte[] answer = ("{\"contact_id\":\"" + id + "\",\"id\":\"" + id + "\",\"title\":\"" + title + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    private static String authentication(HttpExchange exchange) {
        String apiKey = exchange.getRequestHeaders().getFirst("X-API-Key");
        return apiKey != null ? "key=" + apiKey : String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
