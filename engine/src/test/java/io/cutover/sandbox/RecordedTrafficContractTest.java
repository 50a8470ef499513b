package io.cutover.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Replays real Salesforce traffic against the sandbox and compares the answers: the status code and the JSON shape
 * (keys and value types, recursively, and the values a client acts on, such as {@code errorCode} and
 * {@code statusCode}; see {@link JsonShapes}). Every difference is reported with its record, request, JSON path and
 * both sides; the test fails on any difference that the table in {@code docs/sandbox.md} does not explain, and on any
 * row of that table that no longer explains a difference ({@link KnownDifferences}).
 *
 * <p>The traffic is {@code ../shared/datasets/salesforce-api/} beside the project (as CI clones it):
 * <ul>
 * <li>{@code recorded-traffic/*.yaml}: vcrpy cassettes recorded from a real org. Each cassette is replayed in its
 * order against an emptied org, so that the records a later request needs are those its own earlier requests created.
 * Ids differ between the org and the sandbox: whenever a recorded answer and the sandbox's answer hold an {@code id}
 * or {@code Id} at the same place, the recorded id is translated to the sandbox's in every later request of the
 * cassette (the Opportunities of {@code TestUpsert} name the Contacts an earlier upsert created). The recording's
 * scrubbed API version {@code vxx.0} is sent as {@code v60.0}. Entries that only name a shared cassette
 * ({@code include_file: GET_sobjects_Account_describe.yaml}) are not replayed: those files are not part of the
 * dataset (the describes they held are the sandbox's own schema, {@code describe/}).</li>
 * <li>{@code bulk2-and-errors/*.json}: the WireMock stubs of Bulk API 2.0 (every stub under {@code /jobs/}). A stub
 * holds one request and answer, often without a body; the job its URL names is made by the test first, from the
 * stub's own data: a results stub's job uploads the stub's CSV rows without the {@code sf__} columns and runs (for
 * {@code successfulResults} and {@code failedResults}) or is aborted before it runs (for
 * {@code unprocessedrecords}); a job whose info or deletion is asked for has run the first row of the successful
 * results stub ({@link #SAMPLE_ROWS}); a job to close or abort has that row uploaded; a job an upload goes to is open.
 * A request without a body pattern sends the least the API takes: a job on Account, that CSV, or the state
 * {@code UploadComplete} ({@code Aborted} for the stubs named abort); a query job {@code SELECT Id FROM Account}
 * (its operation {@code queryAll} when the stub's pattern asks for it). The job ids {@code clientError} and
 * {@code serverError} stand for a request that fails and name no job.
 * CSV answers are compared as a header and rows of named columns; a failed row's {@code sf__Error} by its status
 * code.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class RecordedTrafficContractTest {

    private static final Path TRAFFIC = Path.of("..", "shared", "datasets", "salesforce-api");
    private static final Path DOCUMENTED_DIFFERENCES = Path.of("docs", "sandbox.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRUBBED_VERSION = "/vxx.0/";
    private static final Pattern INGEST_JOB = Pattern.compile("(.*/jobs/ingest/)([^/]+)(/.*)?");
    private static final Set<String> FAILING_JOBS = Set.of("clientError", "serverError");
    private static final Set<String> FINISHED = Set.of("JobComplete", "Failed", "Aborted");
    private static final String SAMPLE_ROWS = "Name,Description,NumberOfEmployees\n"
            + "TestAccount1,Description of TestAccount1,30\n";
    private static final String SAMPLE_JOB = "{\"object\":\"Account\",\"operation\":\"insert\",\"contentType\":\"CSV\","
            + "\"lineEnding\":\"LF\"}";
    private static final String SAMPLE_QUERY_JOB = "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}";
    private static final String SAMPLE_QUERY_ALL_JOB = "{\"operation\":\"queryAll\",\"query\":\"SELECT Id FROM Account\"}";

    private final List<KnownDifferences.Found> differences = new ArrayList<>();
    private String token;

    @Test
    void sandboxAnswersLikeTheRecordedSalesforceTraffic() throws IOException {
        assertThat(TRAFFIC).as("the shared datasets, cloned beside the project").isDirectory();
        token = SandboxCalls.token();
        int interactions = 0;
        for (Path cassette : files(TRAFFIC.resolve("recorded-traffic"), ".yaml")) {
            interactions += replayCassette(cassette);
        }
        int stubs = 0;
        for (Path stub : files(TRAFFIC.resolve("bulk2-and-errors"), ".json")) {
            stubs += replayBulkStub(stub);
        }

        KnownDifferences known = KnownDifferences.read(DOCUMENTED_DIFFERENCES);
        List<KnownDifferences.Found> unexplained = known.unexplained(differences);
        List<KnownDifferences.Entry> unused = known.unused(differences);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(unexplained).as("differences from the recorded Salesforce answers that docs/sandbox.md"
                + " does not list (%d found in all)", differences.size()).isEmpty();
        softly.assertThat(unused).as("rows of docs/sandbox.md's contract differences that no longer occur").isEmpty();
        // the dataset's counts: a change of the dataset or a request left out shows here
        softly.assertThat(interactions).as("cassette interactions replayed").isEqualTo(53);
        softly.assertThat(stubs).as("Bulk API 2.0 stubs replayed").isEqualTo(66);
        softly.assertAll();
    }

    private int replayCassette(Path file) throws IOException {
        SandboxCalls.resetOrg();
        JsonNode cassette;
        try (Reader reader = Files.newBufferedReader(file)) {
            // SnakeYAML itself: vcrpy reuses requests and answers through anchors and aliases (*id005), which
            // Jackson's YAML reader hands back as the alias' name
            LoaderOptions options = new LoaderOptions();
            // TestUpsert's cassettes reuse their describe requests and answers more often than SnakeYAML's default 50
            options.setMaxAliasesForCollections(1_000);
            cassette = JSON.valueToTree(new Yaml(new SafeConstructor(options)).load(reader));
        }
        Map<String, String> sandboxIds = new HashMap<>();
        int replayed = 0;
        JsonNode interactions = cassette.get("interactions");
        for (int i = 0; i < interactions.size(); i++) {
            JsonNode interaction = interactions.get(i);
            if (!interaction.has("request")) {
                continue;
            }
            JsonNode request = interaction.get("request");
            URI uri = URI.create(request.get("uri").asText());
            String target = translate(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    sandboxIds);
            String body = request.path("body").isTextual() ? translate(request.get("body").asText(), sandboxIds)
                    : null;
            String method = request.get("method").asText();
            Response answer = send(method, target, "application/json", body);
            JsonNode recordedAnswer = body(interaction.at("/response/body/string").asText(""), false);
            JsonNode sandboxAnswer = body(answer);
            compare("recorded-traffic/" + file.getFileName() + "#" + i, method + " " + target,
                    interaction.at("/response/status/code").asInt(), recordedAnswer, answer.statusCode(),
                    sandboxAnswer);
            learnIds(recordedAnswer, sandboxAnswer, sandboxIds);
            replayed++;
        }
        return replayed;
    }

    private int replayBulkStub(Path file) throws IOException {
        JsonNode stub = JSON.readTree(file.toFile());
        JsonNode request = stub.get("request");
        String target = request.has("url") ? request.get("url").asText() : request.path("urlPath").asText();
        if (!target.contains("/jobs/")) {
            return 0;
        }
        JsonNode response = stub.get("response");
        JsonNode recordedAnswer = response.has("jsonBody") ? response.get("jsonBody")
                : body(response.path("body").asText(""), response.at("/headers/Content-Type").asText().startsWith(
                        "text/csv"));
        String method = request.get("method").asText();
        String body = requestBody(request);
        String contentType = "application/json";
        Matcher job = INGEST_JOB.matcher(target);
        if (job.matches() && !FAILING_JOBS.contains(job.group(2))) {
            String subresource = job.group(3) == null ? "" : job.group(3);
            String jobId = prepareJob(file, method, subresource, recordedAnswer);
            target = job.group(1) + jobId + subresource;
            if (subresource.equals("/batches")) {
                contentType = "text/csv";
                body = SAMPLE_ROWS;
            } else if (method.equals("PATCH") && body == null) {
                body = "{\"state\":\"" + (file.getFileName().toString().contains("abort") ? "Aborted" : "UploadComplete")
                        + "\"}";
            }
        } else if (method.equals("POST") && body == null && target.endsWith("/jobs/query")) {
            body = request.toString().contains("queryAll") ? SAMPLE_QUERY_ALL_JOB : SAMPLE_QUERY_JOB;
        } else if (method.equals("POST") && body == null) {
            body = SAMPLE_JOB;
        } else if (method.equals("PUT") && body == null) {
            contentType = "text/csv";
            body = SAMPLE_ROWS;
        }
        Response answer = send(method, target, contentType, body);
        compare("bulk2-and-errors/" + file.getFileName(), method + " " + target, response.get("status").asInt(),
                recordedAnswer, answer.statusCode(), body(answer));
        return 1;
    }

    /** The sandbox job a stub's request needs, in the state the request needs; answers its id. */
    private String prepareJob(Path stub, String method, String subresource, JsonNode recordedAnswer)
            throws IOException {
        String jobId = createJob();
        switch (method + " " + subresource) {
            case "PUT /batches" -> {
                // an upload needs an open job and nothing more
            }
            case "GET /successfulResults", "GET /failedResults" -> {
                upload(jobId, rowsWithoutResultColumns(recordedAnswer));
                closeAndWait(jobId);
            }
            case "GET /unprocessedrecords" -> {
                upload(jobId, rowsWithoutResultColumns(recordedAnswer));
                send("PATCH", jobPath(jobId), "application/json", "{\"state\":\"Aborted\"}");
            }
            case "PATCH " -> upload(jobId, SAMPLE_ROWS);
            case "GET ", "DELETE " -> {
                upload(jobId, SAMPLE_ROWS);
                closeAndWait(jobId);
            }
            default -> throw new IllegalStateException(stub + ": no preparation known for " + method + " " + subresource);
        }
        return jobId;
    }

    private String createJob() {
        Response created = send("POST", SandboxCalls.API + "/jobs/ingest", "application/json", SAMPLE_JOB);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        return created.jsonPath().getString("id");
    }

    private void upload(String jobId, String csv) {
        Response uploaded = send("PUT", jobPath(jobId) + "/batches", "text/csv", csv);
        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
    }

    private void closeAndWait(String jobId) {
        send("PATCH", jobPath(jobId), "application/json", "{\"state\":\"UploadComplete\"}");
        await("job " + jobId + " finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> send("GET", jobPath(jobId), null, null).jsonPath().getString("state"), FINISHED::contains);
    }

    private static String jobPath(String jobId) {
        return SandboxCalls.API + "/jobs/ingest/" + jobId;
    }

    /** A results file's rows as they were uploaded: without the {@code sf__Id}, {@code sf__Created}, … columns. */
    private static String rowsWithoutResultColumns(JsonNode csvAnswer) throws IOException {
        List<String> columns = new ArrayList<>();
        csvAnswer.get("header").forEach(column -> {
            if (!column.asText().startsWith("sf__")) {
                columns.add(column.asText());
            }
        });
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns);
            for (JsonNode row : csvAnswer.get("rows")) {
                printer.printRecord(columns.stream().map(column -> row.get(column).asText()).toList());
            }
        }
        return csv.toString();
    }

    private static String requestBody(JsonNode stubRequest) {
        for (JsonNode pattern : stubRequest.path("bodyPatterns")) {
            for (String kind : List.of("equalTo", "equalToJson")) {
                if (pattern.has(kind)) {
                    JsonNode value = pattern.get(kind);
                    return value.isTextual() ? value.asText() : value.toString();
                }
            }
        }
        return null;
    }

    private Response send(String method, String target, String contentType, String body) {
        var request = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token);
        if (body != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(method, target);
    }

    private void compare(String record, String request, int expectedStatus, JsonNode expectedBody, int foundStatus,
            JsonNode foundBody) {
        if (expectedStatus != foundStatus) {
            differences.add(new KnownDifferences.Found(record, request, "status", String.valueOf(expectedStatus),
                    String.valueOf(foundStatus)));
        }
        for (JsonShapes.Difference difference : JsonShapes.compare(expectedBody, foundBody)) {
            differences.add(new KnownDifferences.Found(record, request, difference.path(), difference.expected(),
                    difference.found()));
        }
    }

    private static JsonNode body(Response answer) throws IOException {
        return body(answer.asString(), String.valueOf(answer.contentType()).startsWith("text/csv"));
    }

    /** An answer's body as JSON: none, a JSON document, a CSV file as header and rows, or any other text. */
    private static JsonNode body(String text, boolean csv) throws IOException {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        if (csv) {
            return csv(text);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return TextNode.valueOf(text);
        }
    }

    private static JsonNode csv(String text) throws IOException {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode rows = file.putArray("rows");
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            ArrayNode header = file.putArray("header");
            parser.getHeaderNames().forEach(header::add);
            for (CSVRecord row : parser) {
                ObjectNode values = rows.addObject();
                row.toMap().forEach(values::put);
            }
        }
        return file;
    }

    /** Pairs the recorded org's ids with the sandbox's where both answers hold an id at the same place. */
    private static void learnIds(JsonNode recorded, JsonNode sandbox, Map<String, String> sandboxIds) {
        if (recorded.isArray() && sandbox.isArray()) {
            for (int i = 0; i < Math.min(recorded.size(), sandbox.size()); i++) {
                learnIds(recorded.get(i), sandbox.get(i), sandboxIds);
            }
        } else if (recorded.isObject() && sandbox.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode sandboxValue = sandbox.get(field.getKey());
                if (sandboxValue == null) {
                    continue;
                }
                if ((field.getKey().equals("id") || field.getKey().equals("Id")) && field.getValue().isTextual()
                        && sandboxValue.isTextual()) {
                    sandboxIds.put(field.getValue().asText(), sandboxValue.asText());
                } else {
                    learnIds(field.getValue(), sandboxValue, sandboxIds);
                }
            }
        }
    }

    /** The request as the sandbox must get it: its API version, and the sandbox's ids for the recorded org's. */
    private static String translate(String text, Map<String, String> sandboxIds) {
        String translated = text.replace(SCRUBBED_VERSION, "/v60.0/");
        for (Map.Entry<String, String> id : sandboxIds.entrySet()) {
            translated = translated.replace(id.getKey(), id.getValue());
        }
        return translated;
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
